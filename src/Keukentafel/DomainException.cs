namespace Keukentafel;

/// <summary>
/// A broken domain rule. The code is stable (for clients and tests); the message is Dutch and shown to the user as it is.
/// A conflict is a request that does not fit the current state (a step out of order, a stale edit: HTTP 409); a forbidden
/// one is a step the user may see but that is not his to take (HTTP 403); anything else is input the rule refuses
/// (HTTP 422). <see cref="Field"/> names the input the message belongs to, so a page can show it beside that field.
/// </summary>
/// <remarks>
/// A rule throws; nothing catches it to translate it. Pages get the message beside the field from
/// <see cref="Web.RefusalPageFilter"/>, the API its problem response from <see cref="Web.DomainExceptionHandler"/>.
/// </remarks>
public class DomainException(string code, string message, bool isConflict = false, string? field = null) : Exception(message)
{
    public string Code { get; } = code;

    public bool IsConflict { get; } = isConflict;

    public bool IsForbidden { get; private init; }

    public string? Field { get; } = field;

    public static DomainException Conflict(string code, string message) => new(code, message, isConflict: true);

    /// <summary>A refusal about one input field.</summary>
    public static DomainException About(string field, string code, string message) => new(code, message, field: field);

    /// <summary>A step the user knows of, but that is someone else's to take (a manager of another organisation).</summary>
    public static DomainException Forbidden(string code, string message) => new(code, message) { IsForbidden = true };
}
