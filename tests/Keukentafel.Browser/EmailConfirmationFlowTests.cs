using System.Text;
using Keukentafel.Accounts;
using Keukentafel.Tests;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>"Is this your e-mail address?" as the resident sees it from the link in his mail: each state checked with axe.</summary>
public sealed class EmailConfirmationFlowTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task The_resident_confirms_his_address_from_the_link_and_a_wrong_link_says_so()
    {
        string link;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var resident = (await users.FindByEmailAsync(PageSession.Resident))!;
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(resident)));
            link = $"/e-mail-bevestigen?account={resident.Id}&code={code}";
        }

        var page = await app.NewPageAsync();
        await page.StepsAsync(async () =>
        {
            // Opening the link confirms nothing yet (mail scanners open links): a button does.
            await page.GotoAsync(link);
            await page.GetByRole(AriaRole.Button, new() { Name = "Ja, dit is mijn e-mailadres" }).WaitForAsync();
            await page.ShouldBeAccessibleAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Ja, dit is mijn e-mailadres" }).ClickAsync();
            await page.GetByRole(AriaRole.Status).WaitForAsync();
            await page.ShouldBeAccessibleAsync();

            // A link that is not (or no longer) right.
            await page.GotoAsync(link[..^4] + "AAAA");
            await page.Locator("#refusal").WaitForAsync();
            await page.ShouldBeAccessibleAsync();
        });
    }
}
