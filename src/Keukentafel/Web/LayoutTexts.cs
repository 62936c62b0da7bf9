namespace Keukentafel.Web;

/// <summary>
/// The texts of the page frame that residents and people who look along with them see (Resources/Web/LayoutTexts.resx);
/// the staff's menu items stay Dutch in the layout itself.
/// </summary>
public sealed class LayoutTexts;
