namespace Keukentafel;

/// <summary>
/// Something the user has no part in (of a neighbourhood he does not work in, an organisation not his, or not there at all).
/// To him it does not exist: the API answers 404 and a page "not found", so a refusal tells nothing that an unknown id would
/// not. The service that refuses logs the attempt.
/// </summary>
public sealed class NotYoursException(string code = "not_found", string message = "Niet gevonden, of u hebt er geen toegang toe.")
    : DomainException(code, message);
