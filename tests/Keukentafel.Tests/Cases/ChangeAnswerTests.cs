using System.Net;

namespace Keukentafel.Tests.Cases;

/// <summary>
/// A change to a case answers with what it made and the case as it is now, so a client never reads the whole file again
/// to learn the new version or find what it added.
/// </summary>
public sealed class ChangeAnswerTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_change_answers_with_the_new_version_what_it_made_and_the_case_as_it_is_now()
    {
        var @case = await CaseDriver.SignalAsync(app, (await CaseDriver.HomeCareAsync(app)).Email, family: "Antwoord");

        var answered = await @case.PostAsync("answers",
            new { question = "Want", text = "Weer zelf de post doen", domains = new[] { "Finances" }, withResident = true });
        var file = answered.GetProperty("case");
        file.GetProperty("id").GetGuid().ShouldBe(@case.Id);
        file.GetProperty("version").GetInt32().ShouldBe(answered.Version());
        file.GetProperty("answers").EnumerateArray().ShouldContain(a => a.GetProperty("text").GetString() == "Weer zelf de post doen");

        await @case.AnsweredAsync();
        var planned = await @case.PostAsync("meetings", new { plannedAt = DateTimeOffset.UtcNow.AddDays(3), atHome = true, place = "Bij de bewoner thuis" });
        var meeting = planned.Id("createdId");
        var made = planned.GetProperty("case").GetProperty("meetings").EnumerateArray().Single(m => m.Id("id") == meeting);
        // The resident sits at his table as himself, not as an organisation.
        var resident = made.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("kind").GetString() == "Resident");
        resident.GetProperty("relation").GetString().ShouldBe("bewoner");
        resident.GetProperty("organisation").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        // A client that wants only the ids and the version says so.
        using var minimal = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/cases/{@case.Id}/bottlenecks")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { version = @case.Version, category = "Other", description = "Wachtlijst" }),
        };
        minimal.Headers.Add("Prefer", "return=minimal");
        using var small = await @case.Bringer.SendAsync(minimal, TestContext.Current.CancellationToken);
        small.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answer = System.Text.Json.JsonDocument.Parse(await small.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        answer.GetProperty("version").GetInt32().ShouldBe(@case.Version + 1);
        answer.GetProperty("case").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);

        // A refused change answers only the refusal.
        var stale = await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/answers",
            new { version = 1, question = "Can", text = "Te laat", withResident = true }, HttpStatusCode.Conflict);
        stale.TryGetProperty("case", out _).ShouldBeFalse();
    }
}
