namespace Keukentafel.Tests.Residents;

/// <summary>The two ways into a resident's own pages, as the forms are filled in.</summary>
internal static class OwnPages
{
    /// <summary>A password under the residents' rule.</summary>
    public const string Password = "ik drink graag koffie";

    /// <summary>The resident makes his sign-in at /uitnodiging with his code and his date of birth (the test resident's).</summary>
    public static Task<HttpResponseMessage> RedeemAsync(this HttpClient browser, string code, string email, string password = Password) =>
        browser.SubmitAsync("/uitnodiging", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RepeatPassword"] = password,
        }.WithDate("Input.DateOfBirth", "1951-03-14"));

    /// <summary>Someone the resident trusts makes his sign-in at /meekijken with the resident's code.</summary>
    public static Task<HttpResponseMessage> LookAlongAsync(this HttpClient browser, string code, string email, string password = Password) =>
        browser.SubmitAsync("/meekijken", new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.RepeatPassword"] = password,
        });
}
