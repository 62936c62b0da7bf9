namespace Keukentafel.Meetings;

public enum MeetingStatus
{
    Planned,
    Held,
}

public enum ParticipantKind
{
    Resident,
    Network,
    Professional,
}

/// <summary>The resident's answer to "may this professional come to your table?" (seed 002: the resident decides who comes).</summary>
public enum Agreement
{
    Pending,
    Agreed,
    Refused,
}

public static class MeetingText
{
    public static string Dutch(this Agreement agreement) => agreement switch
    {
        Agreement.Pending => "Nog niet gevraagd",
        Agreement.Agreed => "Bewoner is akkoord",
        _ => "Bewoner wil dit niet",
    };
}
