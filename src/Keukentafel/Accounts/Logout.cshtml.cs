using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Accounts;

/// <summary>Signing out is a POST (with antiforgery), so no link or image elsewhere can sign someone out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<Account> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync(); // removes the session from the database too
        return RedirectToPage("/Accounts/Login");
    }
}
