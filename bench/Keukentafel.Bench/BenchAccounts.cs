using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Bench;

/// <summary>
/// Accounts for the load clients, made through ASP.NET Core Identity as the application makes them: the professionals
/// with the most open cases (each client signs in as one), a coordinator, and a resident with an open case of the
/// busiest professional (his own pages). Their password is the bench's own.
/// </summary>
internal static class BenchAccounts
{
    public const string Password = "Bench-wachtwoord-2026!";

    /// <summary>The resident who signs in: his account's e-mail address, who he is and the open case his pages show.</summary>
    public sealed record BenchResident(string Email, Guid ResidentId, Guid CaseId);

    public static async Task<(IReadOnlyList<string> Professionals, string Coordinator, BenchResident Resident)> EnsureAsync(
        Action<DbContextOptionsBuilder> database, bool postgres, int professionals, CancellationToken ct)
    {
        var services = new ServiceCollection().AddLogging();
        if (postgres)
        {
            services.AddDbContext<KeukentafelDbContext, PostgresKeukentafelDbContext>(database);
        }
        else
        {
            services.AddDbContext<KeukentafelDbContext, SqliteKeukentafelDbContext>(database);
        }

        services.AddSingleton(TimeProvider.System);
        services.AddIdentityCore<Account>().AddRoles<IdentityRole<Guid>>().AddEntityFrameworkStores<KeukentafelDbContext>();
        services.AddScoped<AccountAdministration>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        await scope.ServiceProvider.GetRequiredService<AccountAdministration>().EnsureRolesAsync(ct);

        var busiest = await db.CaseMembers.AsNoTracking().Where(m => m.IsOpen).GroupBy(m => m.StaffMemberId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).Take(professionals).ToListAsync(ct);
        var coordinator = await db.StaffMembers.AsNoTracking().Where(s => s.Function == StaffFunction.Coordinator).OrderBy(s => s.Email)
            .Select(s => s.Id).FirstAsync(ct);
        var emails = new List<string>();
        foreach (var (staffId, role) in busiest.Select(id => (id, Roles.Professional)).Append((coordinator, Roles.Coordinator)))
        {
            var staff = await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == staffId, ct);
            if (await users.FindByEmailAsync(staff.Email) is null)
            {
                var account = new Account(staff.Email, staff.Name.Display, DateTime.UtcNow);
                account.LinkToStaffMember(staff.Id);
                Check(await users.CreateAsync(account, Password));
                Check(await users.AddToRoleAsync(account, role));
            }

            emails.Add(staff.Email);
        }

        var residentCase = await (from m in db.CaseMembers.AsNoTracking()
                                  where m.StaffMemberId == busiest[0] && m.IsOpen
                                  join c in db.Cases on m.CaseId equals c.Id
                                  orderby c.Number
                                  select new { c.Id, c.ResidentId }).FirstAsync(ct);
        var resident = new BenchResident($"bewoner-{residentCase.ResidentId:N}@bench.example", residentCase.ResidentId, residentCase.Id);
        if (await users.FindByEmailAsync(resident.Email) is null)
        {
            var name = await db.Residents.AsNoTracking().Where(r => r.Id == resident.ResidentId).Select(r => r.Name).SingleAsync(ct);
            var account = new Account(resident.Email, name.Display, DateTime.UtcNow);
            account.LinkToResident(resident.ResidentId);
            Check(await users.CreateAsync(account, Password));
            Check(await users.AddToRoleAsync(account, Roles.Resident));
        }

        return (emails[..^1], emails[^1], resident);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
