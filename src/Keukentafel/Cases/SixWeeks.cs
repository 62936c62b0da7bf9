namespace Keukentafel.Cases;

/// <summary>Core rule 6 in words, the same on every page and in every list: "Nog 12 dagen", "3 dagen te laat".</summary>
public static class SixWeeks
{
    public static string Text(Case c, DateOnly today) => Text(c.Deadline, c.SolutionCarriedOutAtUtc, c.IsOpen, today);

    public static string Text(DateOnly deadline, DateTime? carriedOutAtUtc, bool open, DateOnly today)
    {
        if (carriedOutAtUtc is { } done)
        {
            var late = DutchTime.Date(done).DayNumber - deadline.DayNumber;
            return late <= 0 ? "Binnen zes weken opgelost" : $"Opgelost, {late} {Days(late)} na de zes weken";
        }

        if (!open)
        {
            return "Afgesloten";
        }

        var left = deadline.DayNumber - today.DayNumber;
        return left switch
        {
            > 1 => $"Nog {left} dagen",
            1 => "Nog 1 dag",
            0 => "Vandaag is de laatste dag",
            _ => $"{-left} {Days(-left)} te laat",
        };
    }

    private static string Days(int n) => n == 1 ? "dag" : "dagen";
}
