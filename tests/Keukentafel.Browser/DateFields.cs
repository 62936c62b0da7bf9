using Microsoft.Playwright;

namespace Keukentafel.Browser;

public static class DateFields
{
    /// <summary>Types a date into the three fields (dag, maand, jaar) of the group with this legend, as a resident does.</summary>
    public static async Task FillDateAsync(this IPage page, string legend, string day, string month, string year)
    {
        var date = page.GetByRole(AriaRole.Group, new() { Name = legend });
        await date.GetByLabel("Dag").FillAsync(day);
        await date.GetByLabel("Maand").FillAsync(month);
        await date.GetByLabel("Jaar").FillAsync(year);
    }
}
