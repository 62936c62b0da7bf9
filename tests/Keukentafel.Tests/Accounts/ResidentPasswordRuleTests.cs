using Keukentafel.Accounts;

namespace Keukentafel.Tests.Accounts;

/// <summary>The resident's password rule (issue 10): long enough and not easy to guess, no demands on capitals, digits or signs.</summary>
public sealed class ResidentPasswordRuleTests
{
    private static IReadOnlyList<string> Codes(string password, string? email = "greet.janssen@voorbeeld.example", string name = "Greet Janssen",
            string? userName = null) =>
        [.. ResidentPasswordRule.Check(password, email, name, userName ?? email).Select(e => e.Code)];

    [Theory]
    [InlineData("ik drink graag koffie")]
    [InlineData("de kat slaapt op de bank")]
    [InlineData("zondag naar de markt")]
    [InlineData("Mijn eigen tafel 2026!")]
    [InlineData("fietsenmaker")]
    [InlineData("мой пароль дома")]
    public void A_sentence_of_a_few_words_is_a_good_password(string password) => Codes(password).ShouldBeEmpty();

    [Theory]
    [InlineData("")]
    [InlineData("koffie")]
    [InlineData("ik drink!")]
    public void Fewer_than_ten_characters_is_too_short(string password) => Codes(password).ShouldBe([ResidentPasswordRule.TooShortCode]);

    [Theory]
    [InlineData("wachtwoord")]
    [InlineData("wachtwoord12")]
    [InlineData("Wachtwoord2026!")]
    [InlineData("W4chtw00rd1!")]
    [InlineData("welkomwelkom")]
    [InlineData("Welkom2026!")]
    [InlineData("1234567890")]
    [InlineData("0987654321")]
    [InlineData("12345678901234")]
    [InlineData("qwertyuiop")]
    [InlineData("QWERTYUIOP123")]
    [InlineData("azertyuiop")]
    [InlineData("poiuytrewq")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("1111111111")]
    [InlineData("abababababab")]
    [InlineData("hallo hallo hallo")]
    [InlineData("keukentafel")]
    [InlineData("Keukentafel 2026")]
    [InlineData("ikhouvanjou")]
    [InlineData("!!!!!!!!!!!!")]
    public void A_common_or_easily_guessed_password_is_refused(string password) => Codes(password).ShouldBe([ResidentPasswordRule.TooEasyCode]);

    [Theory]
    [InlineData("greet.janssen")]
    [InlineData("janssen1951!")]
    [InlineData("ik ben greet en ik drink koffie")]
    [InlineData("Greet 12345678")]
    public void His_own_name_or_e_mail_address_is_refused(string password) => Codes(password).ShouldBe([ResidentPasswordRule.ContainsNameCode]);

    [Fact]
    public void His_sign_in_name_is_refused_but_a_resident_without_e_mail_address_still_chooses_freely()
    {
        Codes("appel fiets kaas", email: null, userName: "appel-fiets-kaas").ShouldBe([ResidentPasswordRule.ContainsNameCode]);
        Codes("ik drink graag koffie", email: null, userName: "appel-fiets-kaas").ShouldBeEmpty();
    }
}
