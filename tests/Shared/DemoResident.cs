using System.Net;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests;

/// <summary>A case for the demo resident who has an account (bewoner@), and who is around him.</summary>
public sealed record DemoResidentCase(Guid CaseId, (Guid Id, string Email, string Name) Bringer, string ResidentName, string CoordinatorEmail,
    string CoordinatorName);

public static class DemoResident
{
    /// <summary>A professional of this type in the resident's neighbourhood signals a case for him.</summary>
    public static async Task<DemoResidentCase> SignalCaseAsync(this KeukentafelApp app, OrganisationType bringerType = OrganisationType.HomeCare)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var account = await db.Users.Where(u => u.Email == PageSession.Resident).Select(u => new { u.ResidentId, u.DisplayName }).SingleAsync(ct);
        var resident = await db.Residents.SingleAsync(r => r.Id == account.ResidentId, ct);
        var neighbourhood = await db.Neighbourhoods.Where(n => n.Id == resident.NeighbourhoodId)
            .Select(n => new { n.Code, n.Coordinator!.Email, n.Coordinator.Name }).SingleAsync(ct);
        var bringer = await app.StaffAsync(bringerType, neighbourhood.Code);
        var created = await (await app.ApiAsync(bringer.Email)).PostJsonAsync("/api/v1/cases", new
        {
            neighbourhoodId = resident.NeighbourhoodId,
            givenName = resident.Name.Given,
            familyNamePrefix = resident.Name.Prefix,
            familyName = resident.Name.Family,
            dateOfBirth = resident.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            street = resident.Address.Street,
            houseNumber = resident.Address.HouseNumber,
            postalCode = resident.Address.PostalCode,
            town = resident.Address.Town,
            description = "Ik wil weten wie mijn gegevens ziet.",
            source = "Professional",
            sourceDetail = "Bij een huisbezoek.",
        }, HttpStatusCode.Created);
        return new DemoResidentCase(created.Id(), bringer, account.DisplayName, neighbourhood.Email, neighbourhood.Name.Display);
    }
}
