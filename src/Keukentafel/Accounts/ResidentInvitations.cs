using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Accounts;

/// <summary>The resident's account made (or given a new password) with a code, and the case the code came from.</summary>
public sealed record Redeemed(Account Account, Guid CaseId, Guid ResidentId);

/// <summary>What the professional hands to the resident: the code, shown once, and until when it works.</summary>
public sealed record IssuedInvitation(string Code, DateTime ExpiresAtUtc);

/// <summary>
/// Invitations for residents (issue 10): the case bringer (or the coordinator) issues a one-time code for the resident of
/// his case; the resident redeems it with his date of birth, an e-mail address (or none: then a sign-in name is made for
/// him) and a password, and has his own sign-in (or, with an account already, a new password); or he uses it once to
/// link his DigiD. Every issue and use is in the resident's access log.
/// </summary>
public sealed class ResidentInvitations(KeukentafelDbContext db, UserManager<Account> users, CaseAccess access, TimeProvider time)
{
    /// <summary>What the resident's access log says when he made his sign-in with a code (on the page or over the API).</summary>
    public const string RedeemedPart = "eigen inlog gemaakt met een uitnodiging";

    public async Task<IssuedInvitation> IssueAsync(CaseAccessDecision decision, CancellationToken ct)
    {
        var residentId = decision.ResidentId ?? throw new DomainException("invitation.no_resident", "Deze casus heeft geen bewoner.");
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var open in await db.ResidentInvitations
            .Where(i => i.ResidentId == residentId && i.UsedAtUtc == null && i.RevokedAtUtc == null)
            .ToListAsync(ct))
        {
            open.Revoke(now);
        }

        var (invitation, code) = ResidentInvitation.Issue(residentId, decision.CaseId, decision.Actor, now);
        db.ResidentInvitations.Add(invitation);
        await db.SaveChangesAsync(ct);
        await access.LogAsync(decision.CaseId, residentId, AuditAction.Change, "uitnodiging voor de eigen pagina's van de bewoner", ct);
        return new IssuedInvitation(code, invitation.ExpiresAtUtc);
    }

    /// <summary>
    /// Redeems a code: refused with a Dutch message at the field when it is unknown, used, withdrawn or expired, or when the
    /// date of birth is not the resident's (five wrong dates end the code). Nothing changes on a refusal but the count.
    /// Without an e-mail address the new account gets a sign-in name made for him (<see cref="SignInNames"/>).
    /// </summary>
    public async Task<Redeemed> RedeemAsync(string? code, DateOnly? dateOfBirth, string? email, string? password, CancellationToken ct)
    {
        var (invitation, resident, now) = await OpenAsync(code, dateOfBirth, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var account = await db.Users.SingleOrDefaultAsync(a => a.ResidentId == resident.Id, ct);
        if (account is null)
        {
            account = await NewAccountAsync(resident, Text.Optional(email), now);
            IdentityRefusal.ThrowIfFailed(await users.CreateAsync(account, password ?? ""), "invitation");
            IdentityRefusal.ThrowIfFailed(await users.AddToRoleAsync(account, Roles.Resident), "invitation");
        }
        else
        {
            // He had a sign-in already and forgot it: the code gives him a new password (and unlocks him).
            if (await users.HasPasswordAsync(account))
            {
                IdentityRefusal.ThrowIfFailed(await users.RemovePasswordAsync(account), "invitation");
            }

            IdentityRefusal.ThrowIfFailed(await users.AddPasswordAsync(account, password ?? ""), "invitation");
            IdentityRefusal.ThrowIfFailed(await users.SetLockoutEndDateAsync(account, null), "invitation");
            IdentityRefusal.ThrowIfFailed(await users.ResetAccessFailedCountAsync(account), "invitation");
        }

        invitation.Use(now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Redeemed(account, invitation.CaseId, invitation.ResidentId);
    }

    /// <summary>
    /// Redeems a code to link a login at an outside provider (DigiD through a broker, <see cref="ResidentSignIn"/>) to the
    /// resident's account, made now (without password or e-mail address) if he has none. The same checks as
    /// <see cref="RedeemAsync"/>; a login he had at that provider before is replaced, since the code proves it is him.
    /// </summary>
    public async Task<Redeemed> RedeemForLoginAsync(string? code, DateOnly? dateOfBirth, UserLoginInfo login, CancellationToken ct)
    {
        var (invitation, resident, now) = await OpenAsync(code, dateOfBirth, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var account = await db.Users.SingleOrDefaultAsync(a => a.ResidentId == resident.Id, ct);
        if (account is null)
        {
            account = await NewAccountAsync(resident, email: null, now);
            IdentityRefusal.ThrowIfFailed(await users.CreateAsync(account), "invitation", "Code");
            IdentityRefusal.ThrowIfFailed(await users.AddToRoleAsync(account, Roles.Resident), "invitation", "Code");
        }

        foreach (var earlier in (await users.GetLoginsAsync(account)).Where(l => l.LoginProvider == login.LoginProvider))
        {
            IdentityRefusal.ThrowIfFailed(await users.RemoveLoginAsync(account, earlier.LoginProvider, earlier.ProviderKey), "invitation", "Code");
        }

        IdentityRefusal.ThrowIfFailed(await users.AddLoginAsync(account, login), "invitation", "Code");
        IdentityRefusal.ThrowIfFailed(await users.SetLockoutEndDateAsync(account, null), "invitation", "Code");
        invitation.Use(now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Redeemed(account, invitation.CaseId, invitation.ResidentId);
    }

    /// <summary>The open invitation of this code, if the date of birth is the resident's; a wrong date is counted.</summary>
    private async Task<(ResidentInvitation Invitation, Neighbourhoods.Resident Resident, DateTime Now)> OpenAsync(string? code, DateOnly? dateOfBirth,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            throw DomainException.About("Code", "invitation.code_required", "Vul de code in die u kreeg.");
        }

        var hash = OneTimeCode.Hash(code);
        var invitation = await db.ResidentInvitations.SingleOrDefaultAsync(i => i.CodeHash == hash, ct)
            ?? throw DomainException.About("Code", "invitation.unknown", "Deze code kennen we niet. Kijk of u hem goed heeft overgenomen.");
        var now = time.GetUtcNow().UtcDateTime;
        if (invitation.UsedAtUtc is not null)
        {
            throw DomainException.About("Code", "invitation.used", "Deze code is al gebruikt. Vraag uw hulpverlener om een nieuwe code.");
        }

        if (invitation.RevokedAtUtc is not null)
        {
            throw DomainException.About("Code", "invitation.revoked", "Deze code werkt niet meer. Vraag uw hulpverlener om een nieuwe code.");
        }

        if (now >= invitation.ExpiresAtUtc)
        {
            throw DomainException.About("Code", "invitation.expired", "Deze code is verlopen. Vraag uw hulpverlener om een nieuwe code.");
        }

        var resident = await db.Residents.SingleAsync(r => r.Id == invitation.ResidentId, ct);
        if (dateOfBirth != resident.DateOfBirth)
        {
            invitation.Fail(now);
            await db.SaveChangesAsync(ct);
            throw DomainException.About("DateOfBirth", "invitation.date_of_birth",
                "Deze geboortedatum hoort niet bij de code. Kijk of u hem goed heeft ingevuld.");
        }

        return (invitation, resident, now);
    }

    /// <summary>His account: with his e-mail address as sign-in, or without one with a sign-in name made for him.</summary>
    private async Task<Account> NewAccountAsync(Neighbourhoods.Resident resident, string? email, DateTime now)
    {
        if (email is null)
        {
            return Account.ForResidentWithoutEmail(resident.Id, await SignInNames.NewAsync(users), resident.Name.Display, now);
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            throw DomainException.About("Email", "invitation.email_taken", "Dit e-mailadres is al in gebruik. Kies een ander e-mailadres of laat het leeg.");
        }

        var account = new Account(email, resident.Name.Display, now);
        account.LinkToResident(resident.Id);
        return account;
    }
}
