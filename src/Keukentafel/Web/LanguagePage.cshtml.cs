using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Web;

/// <summary>Choosing the language of the texts: a form that works without JavaScript, back to the page it came from.</summary>
[AllowAnonymous]
public sealed class LanguagePage : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? code, string? returnUrl)
    {
        if (Language.Offered.Any(l => l.Code == code))
        {
            Response.Cookies.Append(Language.Cookie.Name!, code!, Language.Cookie.Build(HttpContext));
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
