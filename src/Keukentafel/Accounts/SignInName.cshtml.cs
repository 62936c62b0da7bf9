using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

/// <summary>
/// Right after a resident without an e-mail address made his sign-in: the sign-in name made for him, once, large, to
/// write down. Opened again later, the page goes on to his own pages: the name is on paper, not on every screen.
/// </summary>
[Authorize(Policy = Policies.Resident)]
public sealed class SignInNameModel(UserManager<Account> users, IStringLocalizer<SignInNameModel> text) : PageModel
{
    /// <summary>Set by the invitation page, read once here.</summary>
    public const string ShowOnce = "kt.signInName";

    public IStringLocalizer<SignInNameModel> Text => text;

    public string SignInName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (TempData[ShowOnce] is not true || await users.GetUserAsync(User) is not { Email: null, UserName: { } name })
        {
            return RedirectToPage("/Residents/MyTablePage");
        }

        SignInName = name;
        return Page();
    }
}
