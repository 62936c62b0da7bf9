using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Mail;

/// <summary>
/// The mails in the pickup folder, newest first, and one mail's text with its links clickable: a developer (or a test)
/// follows a sign-in link without a mail server. Anonymous on purpose, since one reads the mail before signing in; that
/// is safe only because the page answers 404 unless mails go to the folder and the environment is Development or Testing.
/// </summary>
[AllowAnonymous]
public sealed partial class DevelopmentMailModel(MailPickup pickup, IStringLocalizer<DevelopmentMailModel> texts) : PageModel
{
    public IStringLocalizer<DevelopmentMailModel> Texts => texts;

    public IReadOnlyList<PickedUpMail> Mails { get; private set; } = [];

    public PickedUpMail? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? mail)
    {
        if (!pickup.IsAvailable)
        {
            return NotFound();
        }

        if (mail is null)
        {
            Mails = await pickup.ListAsync(HttpContext.RequestAborted);
            return Page();
        }

        Shown = await pickup.FindAsync(mail, HttpContext.RequestAborted);
        return Shown is null ? NotFound() : Page();
    }

    /// <summary>The mail's plain text, encoded, with every web address a link.</summary>
    public static IHtmlContent WithLinks(string text) =>
        new HtmlString(WebAddress().Replace(HtmlEncoder.Default.Encode(text), "<a class=\"utrecht-link utrecht-link--html-a\" href=\"$0\">$0</a>"));

    // On encoded text: a quote or an angle bracket can no longer occur, so the address ends at white space.
    [GeneratedRegex(@"https?://[^\s&]*(?:&amp;[^\s&]*)*")]
    private static partial Regex WebAddress();
}
