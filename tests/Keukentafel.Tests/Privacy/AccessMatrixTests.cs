using System.Net;
using System.Text;
using System.Text.Json;
using Keukentafel.Accounts;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Keukentafel.Privacy;
using Keukentafel.Tests.Cases;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Privacy;

/// <summary>
/// The access matrix: every API endpoint and every page on a resident's case (found by enumerating the routes, so a
/// new one is in the matrix the day it is added), against every kind of visitor. Each cell must be allowed or refused
/// as expected, a refusal must carry nothing of the file, and every cell must leave an audit event.
/// </summary>
public sealed class AccessMatrixTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private enum Expect
    {
        Allow,
        Deny,
    }

    private sealed record Actor(string Name, Func<Task<HttpClient>> Api, Func<Task<HttpClient>> Browser, Func<CaseAccessLevel, Expect> Expected);

    private sealed record Route(string Method, string Path, CaseAccessLevel Level, bool IsPage);

    [Fact]
    public async Task Every_case_endpoint_and_page_against_every_visitor()
    {
        var world = await WorldAsync();
        var routes = Routes(world);
        routes.Count(r => !r.IsPage).ShouldBeGreaterThan(20);
        routes.Count(r => r.IsPage).ShouldBeGreaterThan(8);

        var failures = new List<string>();
        foreach (var actor in world.Actors)
        {
            var api = await actor.Api();
            var browser = await actor.Browser();
            foreach (var route in routes)
            {
                var before = await AuditCountAsync(world.CaseId);
                using var response = await SendAsync(route.IsPage ? browser : api, route);
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                var allowed = !Refused(response, body);
                var expected = actor.Expected(route.Level) == Expect.Allow;
                var cell = $"{actor.Name} × {route.Method} {route.Path}: {(int)response.StatusCode}";
                if (allowed != expected)
                {
                    failures.Add($"{cell}, expected {(expected ? "allowed" : "refused")}");
                }

                // Someone at the table knows the case exists: a step that is the case bringer's is 403 with a code that says so.
                // Anyone else learns nothing of it: never that code.
                var leadOnly = response.StatusCode == HttpStatusCode.Forbidden
                    && (route.IsPage || body.Contains($"\"{CaseAccessFilters.LeadOnlyCode}\"", StringComparison.Ordinal));
                if (actor.Name == "professional at the table" && route.Level == CaseAccessLevel.Lead && !leadOnly)
                {
                    failures.Add($"{cell}: expected 403 {CaseAccessFilters.LeadOnlyCode}");
                }

                if (actor.Name != "professional at the table" && body.Contains(CaseAccessFilters.LeadOnlyCode, StringComparison.Ordinal))
                {
                    failures.Add($"{cell}: {CaseAccessFilters.LeadOnlyCode} told to someone not at the table");
                }

                // (The resident himself sees his own name in the page header, refused or not.)
                if (!allowed && actor.Name != "the resident himself" && body.Contains(world.ResidentFamilyName, StringComparison.Ordinal))
                {
                    failures.Add($"{cell}: the refusal shows the resident's name");
                }

                if (await AuditCountAsync(world.CaseId) <= before)
                {
                    failures.Add($"{cell}: no audit event");
                }
            }

            if (actor.Name == "coordinator without reason")
            {
                // From here on the coordinator has written down why he opens this file.
                await (await world.CoordinatorApi()).PostJsonAsync($"/api/v1/access/{world.CaseId}/reason",
                    new { reason = "De casusaanbrenger is met verlof en de bewoner belde met een dringende vraag." }, HttpStatusCode.NoContent);
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_api_route_with_an_id_is_a_case_route_with_a_requirement_or_named_here_as_not_about_a_resident()
    {
        // Routes with an id that do not lead to a resident's file: directory entries, an account, a manager's backing
        // (he sees the deviation, not the file), the break-the-glass reason (checked and logged by CaseAccess itself).
        string[] notAboutAResident =
        [
            "/api/v1/neighbourhoods/{id:guid}",
            "/api/v1/neighbourhoods/{id:guid}/prices",
            "/api/v1/organisations/{id:guid}",
            "/api/v1/organisations/{id:guid}/services",
            "/api/v1/admin/accounts/{id:guid}/unlock",
            "/api/v1/deviations/{deviationId:guid}/backing",
            "/api/v1/budget/requests/{requestId:guid}/decision", // only the managers of the request's organisation; checked and logged by Decisions
            "/api/v1/budget/requests/{requestId:guid}/room-answer", // only the managers of the organisation asked for room; checked and logged by Decisions
            "/api/v1/budgets/{budgetId:guid}/dashboard", // sums; the case numbers in it are logged per case by Dashboards
            "/api/v1/budgets/{budgetId:guid}", // the budget's contributions and rooms: no resident data
            "/api/v1/budgets/{budgetId:guid}/contributions",
            "/api/v1/budgets/{budgetId:guid}/rooms",
            "/api/v1/access/{caseId:guid}/reason",
            "/api/v1/neighbourhoods/{neighbourhoodId:guid}/learning-sessions", // sessions of a neighbourhood the user works in; checked by LearningSessions
            "/api/v1/learning-sessions/{sessionId:guid}", // the agenda shows case points only for cases the viewer may open, logged per case by Agendas
            "/api/v1/learning-sessions/{sessionId:guid}/minutes",
            "/api/v1/learning-sessions/{sessionId:guid}/lessons", // linked by case number only to cases the author may see; checked by LearningSessions
            "/api/v1/lessons/{lessonId:guid}/status",
            // counts of a neighbourhood the user works in; groups under five residents hidden
            "/api/v1/neighbourhoods/{neighbourhoodId:guid}/bottleneck-report",
            "/api/v1/neighbourhoods/{neighbourhoodId:guid}/initiatives", // collective initiatives: no resident data; checked by Initiatives
            "/api/v1/initiatives/{initiativeId:guid}", // measures and a count of plan actions served, never which
            "/api/v1/initiatives/{initiativeId:guid}/measures",
            "/api/v1/initiatives/{initiativeId:guid}/bookings", // the budget line of a year in the ledger; no resident data
            "/api/v1/municipalities/{municipalityId:guid}/overview", // aggregates of the municipalities the user works in; groups under five residents hidden
            "/api/v1/neighbourhoods/{neighbourhoodId:guid}/startup", // a neighbourhood's start-up: organisations, ambassadors, checklist; no resident data
            "/api/v1/neighbourhoods/{neighbourhoodId:guid}/startup-steps", // aanjager, administrator or the coordinator; checked by NeighbourhoodStarts
            "/api/v1/startup-steps/{stepId:guid}",
            "/api/v1/neighbourhoods/{neighbourhoodId:guid}/organisations/{organisationId:guid}/ambassador",
            // The resident's own (ResidentsApi): whose case is decided from his sign-in and the consent in 'for' by TrustedPeople,
            // which logs a refusal; the ids only pick within his own case or consents (ResidentApiTests).
            "/api/v1/me/table/meetings/{meetingId:guid}/participants/{participantId:guid}/agreement",
            "/api/v1/me/cases/{caseId:guid}/consents/{consentId:guid}/withdrawal",
            "/api/v1/me/trusted-people/{trustedPersonId:guid}",
            "/api/v1/me/trusted-people/{trustedPersonId:guid}/withdrawal",
        ];
        var withId = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true && e.RoutePattern.Parameters.Count > 0)
            .ToList();

        withId.ShouldNotBeEmpty();
        withId.Where(e => e.Metadata.GetMetadata<CaseAccessRequirement>() is null && !notAboutAResident.Contains(e.RoutePattern.RawText))
            .Select(e => e.RoutePattern.RawText)
            .ShouldBeEmpty("a new route with an id must declare its case access requirement, or be named here with a reason");
    }

    private static bool Refused(HttpResponseMessage response, string body) =>
        response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.NotFound
            && (body.Length == 0 || body.Contains(CaseAccessFilters.NotFoundTitle, StringComparison.Ordinal)
                || !body.Contains("\"code\"", StringComparison.Ordinal)))
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery() is var to
            && (to.StartsWith("/inloggen", StringComparison.Ordinal) || to.StartsWith("/inzage/", StringComparison.Ordinal)));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, Route route)
    {
        var ct = TestContext.Current.CancellationToken;
        if (route.Method == "GET")
        {
            return await client.GetAsync(route.Path, ct);
        }

        // Version 0 is always stale: an allowed caller is refused by the version check, so nothing changes.
        using var content = new StringContent("{\"version\":0}", Encoding.UTF8, "application/json");
        return await client.PostAsync(route.Path, content, ct);
    }

    /// <summary>Every route on one case, its parameters filled in; API routes from the endpoint list, pages likewise.</summary>
    private List<Route> Routes(World world)
    {
        var routes = new List<Route>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var raw = endpoint.RoutePattern.RawText ?? "";
            var apiRoute = raw.StartsWith("/api/v1/cases/{id", StringComparison.Ordinal);
            var pageRoute = raw.StartsWith("casussen/{id", StringComparison.Ordinal);
            if (!apiRoute && !pageRoute)
            {
                continue;
            }

            var path = "/" + raw.TrimStart('/');
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                var value = parameter.Name switch
                {
                    "id" => world.CaseId.ToString(),
                    "question" => "Want",
                    "meetingId" => world.MeetingId.ToString(),
                    "stap" => "vragen", // a part of "Aan tafel"
                    _ => Guid.NewGuid().ToString(),
                };
                path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + parameter.Name + "[^}]*\\}", value);
            }

            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var requirement = endpoint.Metadata.GetMetadata<CaseAccessRequirement>();
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                if (pageRoute && method == "POST")
                {
                    continue;
                }

                routes.Add(new Route(method, path, pageRoute ? CaseAccessLevel.Read : requirement!.Level, pageRoute));
            }
        }

        return [.. routes.DistinctBy(r => (r.Method, r.Path))];
    }

    private async Task<int> AuditCountAsync(Guid caseId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>()
            .AuditEvents.CountAsync(a => a.CaseId == caseId, TestContext.Current.CancellationToken);
    }

    private sealed record World(Guid CaseId, Guid MeetingId, string ResidentFamilyName, IReadOnlyList<Actor> Actors, Func<Task<HttpClient>> CoordinatorApi);

    /// <summary>The demo resident's case: a case bringer, a professional at the table, and everyone around who must not look.</summary>
    private async Task<World> WorldAsync()
    {
        var signalled = await app.SignalCaseAsync();
        var bringer = await app.ApiAsync(signalled.Bringer.Email);
        var @case = await new CaseDriver(app, bringer, signalled.CaseId, (await bringer.GetJsonAsync($"/api/v1/cases/{signalled.CaseId}")).Version())
            .MeetingPlannedAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var neighbourhood = await db.Cases.Where(c => c.Id == @case.Id)
            .Join(db.Neighbourhoods, c => c.NeighbourhoodId, n => n.Id, (c, n) => new { n.Id, n.Code }).SingleAsync(ct);
        var otherNeighbourhood = await db.Neighbourhoods.Where(n => n.Id != neighbourhood.Id).Select(n => n.Code).FirstAsync(ct);
        var housing = await app.StaffAsync(OrganisationType.Housing, neighbourhood.Code);
        var participant = (await @case.PostAsync($"meetings/{@case.MeetingId}/participants", new { staffMemberId = housing.Id })).Id("createdId");
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/agreement", new { agreed = true });
        await @case.PostAsync($"meetings/{@case.MeetingId}/participants/{participant}/invitation", new { });
        var otherOrganisation = await app.StaffAsync(OrganisationType.Welfare, neighbourhood.Code);
        var elsewhere = await app.StaffAsync(null, otherNeighbourhood, onlyThere: true);
        var residentId = await db.Cases.Where(c => c.Id == @case.Id).Select(c => c.ResidentId).SingleAsync(ct);
        var family = await db.Residents.Where(r => r.Id == residentId).Select(r => r.Name.Family).SingleAsync(ct);
        var otherResident = await OtherResidentAccountAsync(scope.ServiceProvider, neighbourhood.Id, residentId);

        Actor Person(string name, string email, Func<CaseAccessLevel, Expect> expected) =>
            new(name, () => app.ApiAsync(email), () => app.SignedInAsync(email), expected);
        static Expect Always(CaseAccessLevel _) => Expect.Allow;
        static Expect Never(CaseAccessLevel _) => Expect.Deny;
        return new World(@case.Id, @case.MeetingId, family,
        [
            Person("case bringer", signalled.Bringer.Email, Always),
            Person("professional at the table", housing.Email, level => level == CaseAccessLevel.Lead ? Expect.Deny : Expect.Allow),
            Person("coordinator without reason", signalled.CoordinatorEmail, Never),
            Person("coordinator with reason", signalled.CoordinatorEmail, Always),
            Person("professional of another organisation", otherOrganisation.Email, Never),
            Person("professional of another neighbourhood", elsewhere.Email, Never),
            Person("manager", PageSession.Manager, Never),
            Person("director", PageSession.Director, Never),
            Person("financier", PageSession.Financier, Never),
            Person("the resident himself", PageSession.Resident, Never),
            Person("another resident", otherResident, Never),
            new("anonymous", () => Task.FromResult(app.CreateClient()), () => Task.FromResult(app.Browser()), Never),
        ], () => app.ApiAsync(signalled.CoordinatorEmail));
    }

    private static async Task<string> OtherResidentAccountAsync(IServiceProvider services, Guid neighbourhoodId, Guid except)
    {
        var db = services.GetRequiredService<KeukentafelDbContext>();
        var users = services.GetRequiredService<UserManager<Account>>();
        var other = await db.Residents.Where(r => r.NeighbourhoodId == neighbourhoodId && r.Id != except && !db.Users.Any(u => u.ResidentId == r.Id))
            .Select(r => r.Id).FirstAsync(TestContext.Current.CancellationToken);
        const string Email = "andere.bewoner@keukentafel.example";
        if (await users.FindByEmailAsync(Email) is null)
        {
            var account = new Account(Email, "Andere bewoner", DateTime.UtcNow) { EmailConfirmed = true };
            account.LinkToResident(other);
            (await users.CreateAsync(account, PageSession.DemoPassword)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(account, Roles.Resident)).Succeeded.ShouldBeTrue();
        }

        return Email;
    }
}
