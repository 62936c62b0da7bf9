using System.Text;
using Keukentafel.Accounts;
using Keukentafel.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Keukentafel.Neighbourhoods.Import;

/// <summary>
/// The welcome of a staff member whose account an import made: a link to choose his password, written when the mail
/// goes (the code is made then, so it never lies in the database). Nothing goes when the account is gone or already has
/// a password.
/// </summary>
public sealed class StaffWelcomeMail(UserManager<Account> users) : IMailComposer
{
    public const string Kind = "staff-welcome";

    public string Purpose => Kind;

    public async Task<OutgoingMail?> ComposeAsync(QueuedMail mail, CancellationToken ct)
    {
        if (mail.AccountId is not { } id || await users.FindByIdAsync(id.ToString()) is not { } account || account.PasswordHash is not null)
        {
            return null;
        }

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(account)));
        var link = mail.Link($"/wachtwoord-herstellen?account={account.Id}&code={code}");
        return new OutgoingMail(account.Email!, "Welkom bij Keukentafel: kies uw wachtwoord",
            $"""
            Beste {account.DisplayName},

            Uw gemeente heeft u aangemeld bij Keukentafel, het systeem waarmee de professionals in de wijk samen rond de
            keukentafel van een bewoner werken.

            Kies hier uw wachtwoord (de link werkt een uur):
            {link}

            Werkt uw organisatie met een eigen inlog? Dan kunt u ook op de inlogpagina "via uw organisatie" inloggen.
            Is de link verlopen? Vraag dan op de inlogpagina via "Wachtwoord vergeten" een nieuwe aan.

            Met vriendelijke groet,
            Keukentafel
            """, Kind);
    }
}
