using System.Security.Claims;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Residents;

/// <summary>
/// Whose own pages a request shows: the resident's own (no <c>voor</c>), or, for someone he trusts, his (the id of the
/// consent in <c>voor</c>). <see cref="Grant"/> is set when a trusted person acts for him.
/// </summary>
public sealed record PagesOf(Guid ResidentId, Guid? Grant, string? ResidentName)
{
    public bool ByTrustedPerson => Grant is not null;
}

/// <summary>A resident someone looks along with, for the choice on his start page.</summary>
public sealed record LookingAlong(Guid Grant, string ResidentName, string Relation);

/// <summary>One of the resident's consents to a trusted person, as he reads it on his page.</summary>
public sealed record TrustedPersonView(Guid Id, string Name, string Relation, DateTime GivenAtUtc, DateTime CodeExpiresAtUtc, DateTime? LinkedAtUtc,
    DateTime? WithdrawnAtUtc)
{
    public bool Active => LinkedAtUtc is not null && WithdrawnAtUtc is null;
}

/// <summary>
/// The people a resident trusts with his own pages (issue 10, part 4): he gives and withdraws his consent himself, the
/// trusted person links his sign-in with the code, and every request of the trusted person is checked against the
/// consent as it stands in the database now, so a withdrawal counts from the very next request.
/// </summary>
public sealed class TrustedPeople(CurrentUser asking, KeukentafelDbContext db, UserManager<Account> users, CaseAccess access, TimeProvider time)
{
    public const string Part = "meekijken";

    /// <summary>
    /// Whose pages: his own without <paramref name="voor"/>; with it, the resident of that consent, only when it is this
    /// account's and still stands. Null when neither (the page answers 404).
    /// </summary>
    public async Task<PagesOf?> WhoseAsync(Guid? voor, string part, CancellationToken ct, AuditAction action = AuditAction.Read)
    {
        if (voor is not { } grant)
        {
            return asking.ResidentId is { } own ? new PagesOf(own, null, null) : null;
        }

        var account = asking.AccountId;
        var consent = await db.TrustedPeople.AsNoTracking().Where(t => t.Id == grant)
            .Select(t => new { t.Id, t.ResidentId, t.AccountId, t.WithdrawnAtUtc })
            .SingleOrDefaultAsync(ct);
        // A work account never looks along, also when it became one after the code was used.
        if (consent is null || consent.AccountId is null || consent.AccountId != account || consent.WithdrawnAtUtc is not null
            || await db.Users.AnyAsync(u => u.Id == account && (u.StaffMemberId != null
                || db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && Roles.Staff.Contains(r.Name!)))), ct))
        {
            if (consent is not null)
            {
                // A withdrawn consent, or someone else's: refused, and on the record of the resident it was about.
                await access.LogAsync(null, consent.ResidentId, action, part, ct, allowed: false);
            }

            return null;
        }

        return new PagesOf(consent.ResidentId, consent.Id, (await NamesAsync([consent.ResidentId], ct))[consent.ResidentId]);
    }

    /// <summary>The residents this account looks along with now.</summary>
    public async Task<IReadOnlyList<LookingAlong>> AlongWithAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var account = user.AccountId();
        var along = await db.TrustedPeople.AsNoTracking()
            .Where(t => t.AccountId != null && t.AccountId == account && t.WithdrawnAtUtc == null)
            .OrderBy(t => t.LinkedAtUtc)
            .Select(t => new { t.Id, t.ResidentId, t.Relation })
            .ToListAsync(ct);
        var names = await NamesAsync([.. along.Select(t => t.ResidentId)], ct);
        return [.. along.Select(t => new LookingAlong(t.Id, names[t.ResidentId], t.Relation))];
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyList<Guid> residents, CancellationToken ct) =>
        (await db.Residents.AsNoTracking().Where(r => residents.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
            .ToDictionary(r => r.Id, r => r.Name.Display);

    public async Task<IReadOnlyList<TrustedPersonView>> OfAsync(Guid residentId, CancellationToken ct) =>
        await db.TrustedPeople.AsNoTracking().Where(t => t.ResidentId == residentId)
            .OrderBy(t => t.WithdrawnAtUtc != null).ThenByDescending(t => t.GivenAtUtc)
            .Select(t => new TrustedPersonView(t.Id, t.Name, t.Relation, t.GivenAtUtc, t.CodeExpiresAtUtc, t.LinkedAtUtc, t.WithdrawnAtUtc))
            .ToListAsync(ct);

    /// <summary>The resident gives his consent; the code to hand over is returned once.</summary>
    public async Task<(TrustedPerson Consent, string Code)> GiveAsync(Guid residentId, string? name, string? relation, bool consent, CancellationToken ct)
    {
        var by = await access.ActorAsync(ct);
        var given = TrustedPerson.Give(residentId, name, relation, consent, by.Name, time.GetUtcNow().UtcDateTime);
        db.TrustedPeople.Add(given.Consent);
        await db.SaveChangesAsync(ct);
        await access.LogAsync(null, residentId, AuditAction.Create, Part, ct);
        return given;
    }

    /// <summary>The resident withdraws his consent (only his own: false for any other): it counts from the next request on.</summary>
    public async Task<bool> WithdrawAsync(Guid residentId, Guid id, CancellationToken ct)
    {
        if (await db.TrustedPeople.SingleOrDefaultAsync(t => t.Id == id && t.ResidentId == residentId, ct) is not { } consent)
        {
            return false;
        }

        var by = await access.ActorAsync(ct);
        consent.Withdraw(by.Name, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await access.LogAsync(null, residentId, AuditAction.Change, Part, ct);
        return true;
    }

    /// <summary>
    /// The trusted person uses the code: with the sign-in he has (<paramref name="signedIn"/>), or with a new one made of
    /// an e-mail address and a password. Refused with a Dutch message at the field; nothing changes on a refusal. A
    /// refused code of a consent is written in the audit log against that resident, with the refusal's code as the
    /// reason; an unknown code only when someone signed in typed it (anonymous guesses are rate limited, and logging
    /// each would let anyone fill the permanent log).
    /// </summary>
    public async Task<(Account Account, TrustedPerson Consent)> RedeemAsync(string? code, Guid? signedIn, string? email, string? password, CancellationToken ct)
    {
        var hash = OneTimeCode.Hash(Text.Required(code, "trusted.code_required", "Vul de code in die u kreeg.", "Code"));
        var consent = await db.TrustedPeople.SingleOrDefaultAsync(t => t.CodeHash == hash, ct);
        if (consent is null)
        {
            if (signedIn is not null)
            {
                await access.LogAsync(null, null, AuditAction.Change, CodePart, ct, allowed: false, reason: "trusted.unknown");
            }

            throw DomainException.About("Code", "trusted.unknown", "Deze code kennen we niet. Kijk of u hem goed heeft overgenomen.");
        }

        try
        {
            return await LinkAsync(consent, signedIn, email, password, ct);
        }
        catch (DomainException refused)
        {
            await access.LogAsync(null, consent.ResidentId, AuditAction.Change, CodePart, ct, allowed: false, reason: refused.Code);
            throw;
        }
    }

    /// <summary>The audit log's part for using a code.</summary>
    public const string CodePart = "meekijkcode";

    private async Task<(Account Account, TrustedPerson Consent)> LinkAsync(TrustedPerson consent, Guid? signedIn, string? email, string? password,
        CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        consent.EnsureOpen(now);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Account account;
        if (signedIn is { } id)
        {
            account = await db.Users.SingleAsync(a => a.Id == id, ct);
            if (await StaffAccount.IsAsync(users, account))
            {
                throw DomainException.About("Code", "trusted.staff_account",
                    "Met een werkaccount kunt u niet meekijken. Log uit en maak met deze code een eigen inlog.");
            }

            if (account.ResidentId == consent.ResidentId)
            {
                throw DomainException.About("Code", "trusted.own_code", "Dit is een code voor iemand anders. Geef hem aan de persoon die met u mag meekijken.");
            }

            if (!await users.IsInRoleAsync(account, Roles.TrustedPerson))
            {
                IdentityRefusal.ThrowIfFailed(await users.AddToRoleAsync(account, Roles.TrustedPerson), "trusted");
            }
        }
        else
        {
            var address = Text.Required(email, "trusted.email_required", "Vul uw e-mailadres in. Daarmee logt u voortaan in.", "Email");
            if (await users.FindByEmailAsync(address) is not null)
            {
                throw DomainException.About("Email", "trusted.email_taken", "Dit e-mailadres heeft al een inlog. Log eerst in en vul dan de code in.");
            }

            // The role first, then the password: the role is what gives him the residents' password rule.
            account = new Account(address, consent.Name, now);
            try
            {
                IdentityRefusal.ThrowIfFailed(await users.CreateAsync(account), "trusted");
            }
            catch (DbUpdateException)
            {
                // The same address made at this very moment by someone else (the unique index decided).
                throw DomainException.About("Email", "trusted.email_taken", "Dit e-mailadres heeft al een inlog. Log eerst in en vul dan de code in.");
            }

            IdentityRefusal.ThrowIfFailed(await users.AddToRoleAsync(account, Roles.TrustedPerson), "trusted");
            IdentityRefusal.ThrowIfFailed(await users.AddPasswordAsync(account, password ?? ""), "trusted");
        }

        // Linked only if still open at this moment: of two people using the code at once, one wins; the other's new
        // account goes with the rolled-back transaction.
        var linked = await db.TrustedPeople
            .Where(t => t.Id == consent.Id && t.AccountId == null && t.WithdrawnAtUtc == null && t.CodeExpiresAtUtc > now)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.AccountId, account.Id).SetProperty(t => t.LinkedAtUtc, now), ct);
        if (linked != 1)
        {
            throw DomainException.About("Code", "trusted.used", "Deze code is al gebruikt. Vraag de bewoner om een nieuwe code.");
        }

        await transaction.CommitAsync(ct);
        return (account, consent);
    }
}
