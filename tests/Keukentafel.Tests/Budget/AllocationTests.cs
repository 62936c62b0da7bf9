using System.Net;
using Keukentafel.Budget;
using Keukentafel.Data;
using Keukentafel.Neighbourhoods;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keukentafel.Tests.Budget;

/// <summary>White-label allocation through the API: the most room among those who can deliver; a single supplier goes to its managers.</summary>
public sealed class AllocationTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    private static readonly string Due = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_white_label_action_goes_to_the_organisation_with_the_most_room_among_those_that_offer_it()
    {
        var @case = await CaseAsync("Toewijzing");
        var help = await AddAsync(@case, "Twee uur per week hulp in huis", "HouseholdHelp", 1_200m);

        var view = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/actions/{help}/allocation");
        var candidates = view.GetProperty("candidates").EnumerateArray().ToList();
        var offering = await OfferingAsync(Services.HouseholdHelp);
        candidates.Select(c => c.Id("organisationId")).ShouldBe(offering, ignoreOrder: true);
        candidates.Count.ShouldBeGreaterThan(1);
        var most = candidates.MaxBy(c => c.GetProperty("remaining").GetDecimal());
        view.Id("proposed").ShouldBe(most.Id("organisationId"));

        var financed = await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{help}/financing", new { });
        financed.Id("organisationId").ShouldBe(most.Id("organisationId"));
        var file = await @case.FileAsync();
        var action = file.GetProperty("actions").EnumerateArray().Single(a => a.Id() == help);
        action.GetProperty("carrierName").GetString().ShouldBe(most.GetProperty("name").GetString());
        (await Financing(f => f.VerifyAsync(TestContext.Current.CancellationToken))).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_professional_may_choose_another_organisation_that_offers_it_but_not_one_that_does_not()
    {
        var @case = await CaseAsync("Keuze");
        var help = await AddAsync(@case, "Wondzorg thuis", "DistrictNursing", 800m);
        var view = await @case.Bringer.GetJsonAsync($"/api/v1/cases/{@case.Id}/actions/{help}/allocation");
        var second = view.GetProperty("candidates").EnumerateArray().Last().Id("organisationId");
        var housing = await app.OrganisationIdAsync(OrganisationType.Housing);

        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{help}/financing", new { organisationId = housing },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("budget.not_a_candidate");
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{help}/financing", new { organisationId = second }))
            .Id("organisationId").ShouldBe(second);
    }

    [Fact]
    public async Task When_none_of_several_suppliers_has_the_room_it_is_refused_with_the_room_left()
    {
        var @case = await CaseAsync("Teduur");
        var help = await AddAsync(@case, "Een jaar dagelijks hulp in huis", "HouseholdHelp", 400_000m);

        var refused = await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{help}/financing", new { }, HttpStatusCode.Conflict);

        refused.Code().ShouldBe("budget.room_exceeded");
        refused.GetProperty("title").GetString()!.ShouldContain("De meeste ruimte heeft");
    }

    [Fact]
    public async Task A_single_supplier_without_room_goes_to_its_managers_who_decide_beyond_the_room_shift_room_or_refuse()
    {
        var @case = await CaseAsync("Eenleverancier");
        var beyond = await AddAsync(@case, "Beweegprogramma op maat met begeleiding", "Exercise", 50_000m);
        var shifted = await AddAsync(@case, "Tweede beweegprogramma", "Exercise", 20_000m);
        var refusedAction = await AddAsync(@case, "Derde beweegprogramma", "Exercise", 10_000m);
        var manager = await app.ApiAsync((await app.StaffAsync(OrganisationType.Sports, "WK990101", StaffFunction.Manager)).Email);
        var otherManager = await app.ApiAsync(PageSession.Manager);

        var asked = await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{beyond}/financing", new { preFinancedFor = "HealthInsurer" },
            HttpStatusCode.Accepted);
        asked.GetProperty("status").GetString().ShouldBe("Open");
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{beyond}/financing", new { }, HttpStatusCode.Conflict))
            .Code().ShouldBe("budget.request_open");

        var mine = (await manager.GetJsonAsync("/api/v1/budget/requests/mine")).Items().EnumerateArray().ToList();
        mine.ShouldContain(r => r.Id() == asked.Id());
        mine.Single(r => r.Id() == asked.Id()).TryGetProperty("residentId", out _).ShouldBeFalse();
        (await otherManager.GetJsonAsync("/api/v1/budget/requests/mine")).Items().EnumerateArray().ShouldNotContain(r => r.Id() == asked.Id());
        var notYours = await otherManager.PostJsonAsync($"/api/v1/budget/requests/{asked.Id()}/decision",
            new { decision = "BeyondRoom", reason = "Ik wil dit." },
            HttpStatusCode.Forbidden);
        notYours.Code().ShouldBe("budget.request_not_yours");
        (await manager.PostJsonAsync($"/api/v1/budget/requests/{asked.Id()}/decision", new { decision = "BeyondRoom" }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("budget.decision_reason");

        var decided = await manager.PostJsonAsync($"/api/v1/budget/requests/{asked.Id()}/decision",
            new { decision = "BeyondRoom", reason = "Alleen wij bieden dit; het voorkomt een opname." });
        await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{beyond}/realisation", new { actualCost = 50_000m });
        (await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{beyond}/financing", new { }, HttpStatusCode.Conflict))
            .Code().ShouldBe("budget.already_committed");
        decided.GetProperty("status").GetString().ShouldBe("BeyondRoom");
        (await manager.PostJsonAsync($"/api/v1/budget/requests/{asked.Id()}/decision", new { decision = "Refused", reason = "Toch niet." },
            HttpStatusCode.Conflict)).Code().ShouldBe("budget.request_decided");

        var second = await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{shifted}/financing", new { }, HttpStatusCode.Accepted);
        var source = (await manager.GetJsonAsync("/api/v1/budget/requests/mine")).Items()
            .EnumerateArray().Single(r => r.Id() == second.Id()).GetProperty("roomSources").EnumerateArray().First();
        var shiftedAsk = await manager.PostJsonAsync($"/api/v1/budget/requests/{second.Id()}/decision",
            new { decision = "RoomShifted", fromOrganisationId = source.Id("organisationId"), reason = "Welzijn heeft ruimte over dit jaar." });
        shiftedAsk.GetProperty("status").GetString().ShouldBe("AwaitingRoom", "room moves only once the giving organisation agrees");

        // The giving organisation's manager sees the question; another manager may not answer it.
        var giver = await app.ApiAsync(await ManagerOfAsync(source.Id("organisationId")));
        var toAnswer = (await giver.GetJsonAsync("/api/v1/budget/requests/mine")).Items().EnumerateArray().Single(r => r.Id() == second.Id());
        toAnswer.GetProperty("roomAsk").GetProperty("ofYou").GetBoolean().ShouldBeTrue();
        (await manager.PostJsonAsync($"/api/v1/budget/requests/{second.Id()}/room-answer", new { agree = true }, HttpStatusCode.Forbidden))
            .Code().ShouldBe("budget.request_not_yours");
        (await giver.PostJsonAsync($"/api/v1/budget/requests/{second.Id()}/room-answer", new { agree = false }, HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("budget.room_refusal_reason");
        (await giver.PostJsonAsync($"/api/v1/budget/requests/{second.Id()}/room-answer",
            new { agree = false, reason = "Wij hebben die ruimte zelf nodig in het najaar." })).GetProperty("status").GetString().ShouldBe("Open");
        (await giver.PostJsonAsync($"/api/v1/budget/requests/{second.Id()}/room-answer", new { agree = true }, HttpStatusCode.Conflict))
            .Code().ShouldBe("budget.room_not_asked");

        // Asked again, agreed: now the room moves and the action is financed.
        await manager.PostJsonAsync($"/api/v1/budget/requests/{second.Id()}/decision",
            new { decision = "RoomShifted", fromOrganisationId = source.Id("organisationId"), reason = "Toch nodig: een opname dreigt." });
        // The giving manager answers on his page: a missing choice is shown beside the field, then he agrees.
        var giverPage = await app.SignedInAsync(await ManagerOfAsync(source.Id("organisationId")));
        var decisions = await giverPage.GetPageAsync("/wijkbudget-besluiten");
        decisions.QuerySelector($"#room-ask-{second.Id()}")!.TextContent.ShouldContain("vraagt");
        var answerUrl = decisions.QuerySelectorAll("form[action*='handler=AnswerRoom']")
            .Select(f => f.GetAttribute("action")!).Single(a => a.Contains(second.Id().ToString(), StringComparison.Ordinal));
        using (var none = await giverPage.SubmitAsync("/wijkbudget-besluiten", new Dictionary<string, string> { ["reason"] = "" }, action: answerUrl))
        {
            (await PageSession.ParseAsync(none)).QuerySelector($"#agree-{second.Id()}-error")!.TextContent.ShouldBe("Kies: akkoord of niet akkoord.");
        }

        using (var agreed = await giverPage.SubmitAsync("/wijkbudget-besluiten",
                   new Dictionary<string, string> { ["agree"] = "true", ["reason"] = "Akkoord, eenmalig." }, action: answerUrl))
        {
            agreed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await manager.GetJsonAsync("/api/v1/budget/requests/mine")).Items().EnumerateArray().Single(r => r.Id() == second.Id())
            .GetProperty("status").GetString().ShouldBe("RoomShifted");

        var third = await @case.Bringer.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{refusedAction}/financing", new { }, HttpStatusCode.Accepted);
        (await manager.PostJsonAsync($"/api/v1/budget/requests/{third.Id()}/decision", new { decision = "Withdrawn", reason = "Zelf ingetrokken." },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("budget.decision_required");
        (await manager.PostJsonAsync($"/api/v1/budget/requests/{third.Id()}/decision",
            new { decision = "RoomShifted", fromOrganisationId = asked.GetProperty("organisationId").GetGuid(), reason = "Van onszelf." },
            HttpStatusCode.UnprocessableEntity)).Code().ShouldBe("budget.shift_same");
        await manager.PostJsonAsync($"/api/v1/budget/requests/{third.Id()}/decision",
            new { decision = "Refused", reason = "Het buurthuis biedt een wandelgroep; die past beter." });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var entries = await db.LedgerEntries.Where(l => l.CaseId == @case.Id || l.DecisionId == second.Id()).ToListAsync(ct);
        entries.Single(e => e.PlanActionId == beyond && e.Kind == EntryKind.Commitment).DecisionId.ShouldBe(asked.Id());
        (await db.PreFinancings.SingleAsync(p => p.PlanActionId == beyond, ct)).Payer.ShouldBe(Keukentafel.Effects.Payer.HealthInsurer);
        entries.Single(e => e.PlanActionId == shifted && e.Kind == EntryKind.Commitment).Amount.ShouldBe(20_000m);
        entries.Where(e => e.Kind == EntryKind.Room && e.DecisionId == second.Id()).Sum(e => e.Amount).ShouldBe(0m);
        entries.ShouldNotContain(e => e.PlanActionId == refusedAction);
        (await scope.ServiceProvider.GetRequiredService<Financing>().VerifyAsync(ct)).ShouldBeEmpty();
        var asks = await db.RoomShiftAsks.Where(a => a.RequestId == second.Id()).OrderBy(a => a.AskedAtUtc).ToListAsync(ct);
        asks.Select(a => a.Agreed).ShouldBe([false, true], "both answers are kept");
        asks[0].AnswerReason.ShouldBe("Wij hebben die ruimte zelf nodig in het najaar.");
        (await db.AuditEvents.CountAsync(a => a.CaseId == @case.Id && a.Part == "financiering" && !a.Allowed, ct))
            .ShouldBe(2, "a decision and a room answer by someone else");

        var plan = await (await app.SignedInAsync((await Keukentafel.Tests.Cases.CaseDriver.HomeCareAsync(app)).Email))
            .GetPageAsync($"/casussen/{@case.Id}/plan");
        plan.Text().ShouldContain("50.000,00 besteed");
        plan.Text().ShouldContain("besloten dit niet te betalen");
    }

    private async Task<string> ManagerOfAsync(Guid organisationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().StaffMembers
            .Where(s => s.OrganisationId == organisationId && s.Function == StaffFunction.Manager).Select(s => s.Email)
            .FirstAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_demo_manager_decides_the_waiting_request_on_his_page_and_a_missing_reason_is_shown_beside_the_field()
    {
        var manager = await app.SignedInAsync(PageSession.Manager);
        var page = await manager.GetPageAsync("/wijkbudget-besluiten");
        page.Text().ShouldContain("maatschappelijk werker");
        var form = page.QuerySelector("form[action*='handler=Decide']").ShouldNotBeNull();
        var url = form.GetAttribute("action")!;

        using var noReason = await manager.SubmitAsync("/wijkbudget-besluiten",
            new Dictionary<string, string> { ["decision"] = "BeyondRoom", ["reason"] = "" }, action: url);
        var refused = await PageSession.ParseAsync(noReason);
        refused.QuerySelector(".utrecht-form-field-error-message").ShouldNotBeNull().TextContent.ShouldContain("reden");

        using var decided = await manager.SubmitAsync("/wijkbudget-besluiten",
            new Dictionary<string, string> { ["decision"] = "BeyondRoom", ["reason"] = "Alleen wij leveren dit in Rietvelden." }, action: url);
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await manager.GetPageAsync(decided.Headers.Location!.PathAndQuery())).Text().ShouldContain("Betaald boven de ruimte");
        (await Financing(f => f.VerifyAsync(TestContext.Current.CancellationToken))).ShouldBeEmpty();

        using var professional = await (await app.SignedInAsync(PageSession.Professional))
            .GetAsync("/wijkbudget-besluiten", TestContext.Current.CancellationToken);
        professional.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Someone_who_does_not_work_on_the_case_sees_no_allocation_and_cannot_finance()
    {
        var @case = await CaseAsync("Buitenstaander");
        var help = await AddAsync(@case, "Begeleiding bij de administratie", "Support", 900m);
        var elsewhere = await app.ApiAsync((await app.StaffAsync(OrganisationType.HomeCare, "WK990102", onlyThere: true)).Email);

        await elsewhere.GetJsonAsync($"/api/v1/cases/{@case.Id}/actions/{help}/allocation", HttpStatusCode.NotFound);
        await elsewhere.PostJsonAsync($"/api/v1/cases/{@case.Id}/actions/{help}/financing", new { }, HttpStatusCode.NotFound);
        var other = await CaseAsync("Anderecasus");
        (await other.Bringer.GetJsonAsync($"/api/v1/cases/{other.Id}/actions/{help}/allocation", HttpStatusCode.UnprocessableEntity))
            .Code().ShouldBe("action.unknown");
    }

    private async Task<Keukentafel.Tests.Cases.CaseDriver> CaseAsync(string family) =>
        await (await Keukentafel.Tests.Cases.CaseDriver.SignalAsync(app, (await Keukentafel.Tests.Cases.CaseDriver.HomeCareAsync(app)).Email, family: family))
            .MeetingPlannedAsync();

    private static async Task<Guid> AddAsync(Keukentafel.Tests.Cases.CaseDriver @case, string what, string service, decimal cost) =>
        (await @case.PostAsync("actions",
            new { what, carrier = "Organisation", service, lawDomain = "Wmo", expectedCost = cost, dueDate = Due, isContribution = false })).Id("createdId");

    private async Task<List<Guid>> OfferingAsync(Services service)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var neighbourhood = await app.NeighbourhoodIdAsync("WK990101");
        return await scope.ServiceProvider.GetRequiredService<KeukentafelDbContext>().Organisations
            .Where(o => (o.Offers & service) == service && o.Neighbourhoods.Any(n => n.NeighbourhoodId == neighbourhood)).Select(o => o.Id).ToListAsync();
    }

    private async Task<T> Financing<T>(Func<Financing, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<Financing>());
    }
}
