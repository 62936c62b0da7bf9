using System.Text;
using Keukentafel.Mail;
using Keukentafel.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Accounts;

/// <summary>
/// "Is this your e-mail address?": a resident, or someone who looks along with one, typed his address himself, so a link
/// by e-mail (sign-in, new password) goes there only after he proved the mailbox is his. Opening the link shows a
/// button (mail scanners open links); the button confirms.
/// </summary>
[AllowAnonymous]
[SignInLimited]
public sealed class EmailConfirmationModel(UserManager<Account> users, IStringLocalizer<EmailConfirmationModel> texts) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Account { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool Done { get; private set; }

    public bool Refused { get; private set; }

    public IStringLocalizer<EmailConfirmationModel> Texts => texts;

    public async Task OnGetAsync() =>
        Refused = await AccountAsync() is not { } account || !await users.VerifyUserTokenAsync(
            account, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<Account>.ConfirmEmailTokenPurpose, Token());

    public async Task<IActionResult> OnPostAsync()
    {
        Done = await AccountAsync() is { } account && (await users.ConfirmEmailAsync(account, Token())).Succeeded;
        Refused = !Done;
        return Page();
    }

    private async Task<Account?> AccountAsync() => Account is { } id ? await users.FindByIdAsync(id.ToString()) : null;

    private string Token()
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code ?? ""));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}

/// <summary>Queues the mail that asks a resident (or someone looking along) to confirm the address he typed.</summary>
public sealed class EmailConfirmations(MailOutbox outbox)
{
    /// <summary>Only an address typed by the person himself and not yet confirmed; the code is made when the mail goes.</summary>
    public async Task SendAsync(Account account, HttpRequest request, CancellationToken ct)
    {
        if (account.Email is null || account.EmailConfirmed)
        {
            return;
        }

        await outbox.RequestAsync(EmailConfirmationMail.Kind, null, account.Id, request, ct);
    }

    /// <summary>A link by e-mail goes to an address someone typed himself only once he confirmed it; staff addresses are set by an administrator.</summary>
    public static async Task<bool> MayReceiveLinksAsync(UserManager<Account> users, Account account) =>
        account.EmailConfirmed || await StaffAccount.IsAsync(users, account);
}

/// <summary>Writes the confirmation mail when it goes: nothing when the address was confirmed or removed meanwhile.</summary>
public sealed class EmailConfirmationMail(UserManager<Account> users, IStringLocalizer<EmailConfirmationModel> texts) : IMailComposer
{
    public const string Kind = "email-confirmation";

    public string Purpose => Kind;

    public async Task<OutgoingMail?> ComposeAsync(QueuedMail mail, CancellationToken ct)
    {
        if (mail.AccountId is not { } id || await users.FindByIdAsync(id.ToString()) is not { Email: { } address, EmailConfirmed: false } account)
        {
            return null;
        }

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(account)));
        var link = mail.Link($"/e-mail-bevestigen?account={account.Id}&code={code}");
        return new OutgoingMail(address, texts["MailSubject"], texts["MailText", account.DisplayName, link], Kind);
    }
}
