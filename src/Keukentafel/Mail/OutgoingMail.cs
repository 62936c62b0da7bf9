namespace Keukentafel.Mail;

/// <summary>
/// A plain-text mail to one person, in the words of the page that sends it. <see cref="Purpose"/> (such as
/// "magic-link") is what the log says about it; the address and the text never go into a log.
/// </summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Purpose);
