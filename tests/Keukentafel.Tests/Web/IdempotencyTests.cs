using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Web;

/// <summary>
/// A client that lost the answer to a POST sends it again with the same Idempotency-Key, and gets the first answer: one
/// case, not two, also when both are sent at the same moment. The key is the caller's own and belongs to one request.
/// </summary>
public sealed class IdempotencyTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Fact]
    public async Task A_repeated_signal_with_the_same_key_answers_the_first_case_again_and_makes_no_second()
    {
        using var api = await app.ApiAsync(PageSession.Professional);
        var body = NewCases.Body(await app.NeighbourhoodIdAsync("WK990101"), family: "Herhaald");
        var key = Guid.NewGuid().ToString();
        var before = await CasesAsync();

        using var first = await PostAsync(api, "/api/v1/cases", body, key);
        using var again = await PostAsync(api, "/api/v1/cases", body, key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.Location.ShouldBe(first.Headers.Location);
        again.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        var ct = TestContext.Current.CancellationToken;
        (await again.Content.ReadAsStringAsync(ct)).ShouldBe(await first.Content.ReadAsStringAsync(ct));
        (await CasesAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Two_identical_signals_at_the_same_moment_make_one_case()
    {
        using var api = await app.ApiAsync(PageSession.Professional);
        var body = NewCases.Body(await app.NeighbourhoodIdAsync("WK990101"), family: "Tegelijk");
        var key = Guid.NewGuid().ToString();
        var before = await CasesAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostAsync(api, "/api/v1/cases", body, key)));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1);
        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created || a.StatusCode == HttpStatusCode.Conflict);
        foreach (var busy in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            busy.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await busy.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).Code().ShouldBe("idempotency.in_progress");
        }

        (await CasesAsync()).ShouldBe(before + 1);
        foreach (var answer in answers)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_refused_and_changes_nothing()
    {
        using var api = await app.ApiAsync(PageSession.Professional);
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        var key = Guid.NewGuid().ToString();
        var before = await CasesAsync();
        using var first = await PostAsync(api, "/api/v1/cases", NewCases.Body(neighbourhood, family: "Eerste"), key);

        using var other = await PostAsync(api, "/api/v1/cases", NewCases.Body(neighbourhood, family: "Tweede"), key);

        other.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await other.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).Code().ShouldBe("idempotency.key_reused");
        (await CasesAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task After_a_refusal_the_corrected_request_may_use_the_same_key()
    {
        using var api = await app.ApiAsync(PageSession.Professional);
        var key = Guid.NewGuid().ToString();
        var before = await CasesAsync();
        using var refused = await PostAsync(api, "/api/v1/cases", new { givenName = "Greet" }, key);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        using var corrected = await PostAsync(api, "/api/v1/cases", NewCases.Body(await app.NeighbourhoodIdAsync("WK990101"), family: "Verbeterd"), key);

        corrected.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await CasesAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_key_belongs_to_the_caller_and_a_key_too_long_is_refused()
    {
        using var sanne = await app.ApiAsync(PageSession.Professional);
        using var ilse = await app.ApiAsync(PageSession.Coordinator);
        var key = Guid.NewGuid().ToString();
        var before = await CasesAsync();
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        using var hers = await PostAsync(sanne, "/api/v1/cases", NewCases.Body(neighbourhood, family: "Eigen"), key);

        using var his = await PostAsync(ilse, "/api/v1/cases", NewCases.Body(neighbourhood, family: "Eigen"), key);
        using var tooLong = await PostAsync(sanne, "/api/v1/cases", NewCases.Body(neighbourhood, family: "Lang"), new string('k', 201));

        his.StatusCode.ShouldBe(HttpStatusCode.Created);
        his.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        (await CasesAsync()).ShouldBe(before + 2);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).Code().ShouldBe("idempotency.key_invalid");
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient api, string url, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return api.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<int> CasesAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        return await db.Cases.CountAsync(TestContext.Current.CancellationToken);
    }
}
