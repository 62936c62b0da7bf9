using System.Net;
using Keukentafel.Neighbourhoods;

namespace Keukentafel.Tests.Cases;

/// <summary>Takes a case through its steps over the API, so a test can start where its rule matters.</summary>
public sealed class CaseDriver(KeukentafelApp app, HttpClient bringer, Guid caseId, int version)
{
    public Guid Id { get; } = caseId;
    public int Version { get; set; } = version;
    public HttpClient Bringer { get; } = bringer;
    public Guid MeetingId { get; private set; }
    public List<Guid> Actions { get; } = [];

    public static async Task<CaseDriver> SignalAsync(KeukentafelApp app, string bringerEmail, string neighbourhood = "WK990101", string family = "Veldhoven")
    {
        var client = await app.ApiAsync(bringerEmail);
        var created = await client.PostJsonAsync("/api/v1/cases", NewCases.Body(await app.NeighbourhoodIdAsync(neighbourhood), family),
            HttpStatusCode.Created);
        return new CaseDriver(app, client, created.Id(), created.Version());
    }

    public async Task<CaseDriver> AnsweredAsync()
    {
        foreach (var question in new[] { "Want", "Can", "Need" })
        {
            await PostAsync("answers", new { question, text = $"Antwoord op {question}", domains = new[] { "Finances" }, withResident = true });
        }

        return this;
    }

    public async Task<CaseDriver> MeetingPlannedAsync()
    {
        await AnsweredAsync();
        MeetingId = (await PostAsync("meetings", new { plannedAt = DateTimeOffset.UtcNow.AddMinutes(-5), atHome = true, place = "Bij de bewoner thuis" }))
            .Id("createdId");
        return this;
    }

    public async Task<CaseDriver> PlanAgreedAsync(bool withContribution = true)
    {
        await MeetingPlannedAsync();
        var due = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Actions.Add((await PostAsync("actions",
            new { what = "Samen de post openen", carrier = "Resident", lawDomain = "Other", dueDate = due, isContribution = false })).Id("createdId"));
        if (withContribution)
        {
            Actions.Add((await PostAsync("actions",
                new { what = "Helpen in het buurthuis", carrier = "Resident", lawDomain = "Welzijn", dueDate = due, isContribution = true })).Id("createdId"));
        }

        var resident = (await Bringer.GetJsonAsync($"/api/v1/cases/{Id}")).GetProperty("meetings")[0].GetProperty("participants")[0].Id();
        await PostAsync($"meetings/{MeetingId}/held", new { attended = new[] { resident }, decisions = "Plan afgesproken.", planAgreedByAll = true });
        return this;
    }

    public async Task<CaseDriver> EvaluatedAsync(bool withContribution = true)
    {
        await PlanAgreedAsync(withContribution);
        foreach (var action in Actions)
        {
            await PostAsync($"actions/{action}/status", new { status = "Done" });
        }

        await PostAsync("transitions", new { to = "SolutionCarriedOut" });
        await PostAsync("transitions", new { to = "Evaluated", text = "Het gaat goed." });
        return this;
    }

    /// <summary>Posts to a case endpoint with the current version and keeps the new one.</summary>
    public async Task<System.Text.Json.JsonElement> PostAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK, HttpClient? client = null)
    {
        var fields = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(System.Text.Json.JsonSerializer.Serialize(body))!;
        fields["version"] = Version;
        var answer = await (client ?? Bringer).PostJsonAsync($"/api/v1/cases/{Id}/{path}", fields, expected);
        if (expected == HttpStatusCode.OK)
        {
            Version = answer.Version();
        }

        return answer;
    }

    public Task<System.Text.Json.JsonElement> FileAsync() => Bringer.GetJsonAsync($"/api/v1/cases/{Id}");

    /// <summary>A date some days from today, as the API takes it.</summary>
    public static string Due(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An action the municipality carries out at an expected cost, due in two weeks: one the neighbourhood budget can pay.</summary>
    public async Task<Guid> AddPaidActionAsync(string what, string lawDomain, decimal expectedCost) => (await PostAsync("actions", new
    {
        what,
        carrier = "Organisation",
        carrierOrganisationId = await App.OrganisationIdAsync(OrganisationType.Municipality),
        lawDomain,
        expectedCost,
        dueDate = Due(14),
        isContribution = false
    })).Id("createdId");

    public KeukentafelApp App { get; } = app;

    public static Task<(Guid Id, string Email, string Name)> HomeCareAsync(KeukentafelApp app) => app.StaffAsync(OrganisationType.HomeCare, "WK990101");
}
