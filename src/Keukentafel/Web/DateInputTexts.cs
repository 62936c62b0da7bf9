namespace Keukentafel.Web;

/// <summary>The texts of a date asked in three fields (Resources/Web/DateInputTexts.resx), on every page that asks one that way.</summary>
public sealed class DateInputTexts;
