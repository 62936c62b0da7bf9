namespace Keukentafel;

/// <summary>Checks for text that domain types take in: trimmed, and required where the domain needs it.</summary>
public static class Text
{
    public static string Required(string? value, string code, string message, string? field = null) =>
        string.IsNullOrWhiteSpace(value) ? throw new DomainException(code, message, field: field) : value.Trim();

    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
