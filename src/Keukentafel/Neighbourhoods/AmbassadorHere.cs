using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Neighbourhoods;

/// <summary>
/// An organisation's ambassador in a neighbourhood it works in: the one appointed there, else its general ambassador
/// (seed 000: one fixed contact). One rule for the directory, the start-up page and the learning sessions' agenda.
/// </summary>
public sealed class AmbassadorHere
{
    public Guid OrganisationId { get; init; }
    public string Organisation { get; init; } = "";
    public OrganisationType Type { get; init; }
    public Guid NeighbourhoodId { get; init; }
    public Guid? AmbassadorId { get; init; }

    /// <summary>Every organisation in every neighbourhood it works in, with its ambassador there; a query to narrow down.</summary>
    public static IQueryable<AmbassadorHere> Of(KeukentafelDbContext db) =>
        db.OrganisationNeighbourhoods.AsNoTracking().Join(db.Organisations, w => w.OrganisationId, o => o.Id, (w, o) => new AmbassadorHere
        {
            OrganisationId = o.Id,
            Organisation = o.Name,
            Type = o.Type,
            NeighbourhoodId = w.NeighbourhoodId,
            AmbassadorId = w.AmbassadorId ?? o.AmbassadorId,
        });
}
