using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Keukentafel.Tests.Cases;

/// <summary>
/// Two people save the same case at the same moment, each on the version he saw: one wins, the other is told the case
/// changed (409 case.stale, with what changed), and nothing of either is lost or half written. Never a 500.
/// </summary>
public sealed class SimultaneousWriteTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task Of_two_simultaneous_writes_to_one_case_one_wins_and_the_other_is_stale()
    {
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var @case = await CaseDriver.SignalAsync(app, homeCare.Email, family: "Gelijktijdig");
        using var second = await app.ApiAsync(homeCare.Email);
        var statuses = new List<HttpStatusCode>();

        for (var round = 0; round < 8; round++)
        {
            var version = (await @case.FileAsync()).GetProperty("version").GetInt32();
            using var start = new ManualResetEventSlim();
            Task<HttpResponseMessage> Write(HttpClient client, string text) => Task.Run(() =>
            {
                start.Wait(TestContext.Current.CancellationToken);
                return client.PostAsJsonAsync($"/api/v1/cases/{@case.Id}/answers",
                    new { version, question = "Want", text, withResident = true }, TestContext.Current.CancellationToken);
            });
            var writes = new[] { Write(@case.Bringer, $"Ronde {round}, collega A."), Write(second, $"Ronde {round}, collega B.") };
            start.Set();
            var responses = await Task.WhenAll(writes);

            foreach (var response in responses)
            {
                statuses.Add(response.StatusCode);
                response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Conflict);
                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
                    problem.Code().ShouldBe("case.stale");
                    problem.GetProperty("changesSince").GetArrayLength().ShouldBeGreaterThan(0);
                }

                response.Dispose();
            }

            responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, $"round {round}: one of the two wins");
        }

        // Every answer that was acknowledged is in the history, each exactly once, and nothing else is.
        var history = (await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/answers/Want")).Items();
        history.GetArrayLength().ShouldBe(statuses.Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task Twelve_cases_signalled_at_the_same_moment_each_get_their_own_number()
    {
        var ct = TestContext.Current.CancellationToken;
        var homeCare = await CaseDriver.HomeCareAsync(app);
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var clients = new List<HttpClient>();
        for (var i = 0; i < 12; i++)
        {
            clients.Add(await app.ApiAsync(homeCare.Email));
        }

        using var start = new ManualResetEventSlim();
        var signals = clients.Select((client, i) => Task.Run(async () =>
        {
            start.Wait(ct);
            return await client.PostAsJsonAsync("/api/v1/cases", CaseScenarioTests.NewCase(neighbourhood, $"Tegelijk{i:D2}"), ct);
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(signals);

        var numbers = new List<string>();
        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(ct));
            numbers.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("number").GetString()!);
            response.Dispose();
        }

        numbers.Distinct().Count().ShouldBe(12);
        numbers.ShouldAllBe(n => n.StartsWith($"{Keukentafel.Cases.DutchTime.Today(TimeProvider.System).Year}-", StringComparison.Ordinal));
        clients.ForEach(c => c.Dispose());
    }
}
