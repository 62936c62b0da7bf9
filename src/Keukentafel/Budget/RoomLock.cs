namespace Keukentafel.Budget;

/// <summary>
/// One row per organisation's year of a budget (and one for the budget as a whole, organisation and year empty), whose
/// version goes up with every ledger change there: two changes at the same moment cannot both be saved, so two
/// professionals cannot both spend the last euros of the same room.
/// </summary>
public sealed class RoomLock(Guid budgetId, Guid organisationId, int year)
{
    public Guid BudgetId { get; private set; } = budgetId;
    public Guid OrganisationId { get; private set; } = organisationId;
    public int Year { get; private set; } = year;
    public int Version { get; private set; }

    internal void Bump() => Version++;
}
