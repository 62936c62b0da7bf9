namespace Keukentafel.Privacy;

/// <summary>
/// The texts of the access log table (Resources/Privacy/AccessLogTexts.resx), on the resident's page and the
/// professional's. What someone did (<see cref="AccessLog.Words"/>) is looked up by its Dutch words; a phrase without a
/// translation stays Dutch.
/// </summary>
public sealed class AccessLogTexts;
