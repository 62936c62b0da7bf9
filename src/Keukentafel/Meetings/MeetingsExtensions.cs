namespace Keukentafel.Meetings;

public static class MeetingsExtensions
{
    /// <summary>The table: suggestions of professionals for a case's life domains (the rules live on the case).</summary>
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Suggestions>();
        return builder;
    }
}
