using Keukentafel.Neighbourhoods;

namespace Keukentafel.Tests.Neighbourhoods;

public sealed class NeighbourhoodRuleTests
{
    private static readonly Municipality Town = new("Gemeente Proefdorp", "GM9998");

    [Fact]
    public void An_ambassador_must_work_for_the_organisation()
    {
        var housing = new Organisation("Woonstichting Proef", OrganisationType.Housing, null);
        var welfare = new Organisation("Welzijn Proef", OrganisationType.Welfare, null);
        var outsider = new StaffMember(new PersonName("Ada", null, "Proef"), StaffFunction.Professional, welfare, "ada@proef.example", null);

        Should.Throw<DomainException>(() => housing.AppointAmbassador(outsider)).Code.ShouldBe("organisation.ambassador_elsewhere");

        var insider = new StaffMember(new PersonName("Bas", null, "Proef"), StaffFunction.Professional, housing, "bas@proef.example", null);
        housing.AppointAmbassador(insider);
        housing.AmbassadorId.ShouldBe(insider.Id);
    }

    [Fact]
    public void A_neighbourhood_coordinator_is_a_coordinator_who_works_there()
    {
        var north = new Neighbourhood(Town, "Noord", "WK999801", null);
        var organisation = new Organisation("Welzijn Proef", OrganisationType.Welfare, null);
        var professional = new StaffMember(new PersonName("Cas", null, "Proef"), StaffFunction.Professional, organisation, "cas@proef.example", null);
        professional.StartWorkingIn(north);
        var elsewhere = new StaffMember(new PersonName("Dirk", null, "Proef"), StaffFunction.Coordinator, null, "dirk@proef.example", null);

        Should.Throw<DomainException>(() => north.AppointCoordinator(professional)).Code.ShouldBe("neighbourhood.coordinator_function");
        Should.Throw<DomainException>(() => north.AppointCoordinator(elsewhere)).Code.ShouldBe("neighbourhood.coordinator_elsewhere");

        elsewhere.StartWorkingIn(north);
        north.AppointCoordinator(elsewhere);
        north.CoordinatorId.ShouldBe(elsewhere.Id);
    }

    [Fact]
    public void Only_the_independent_coordinator_works_without_an_organisation()
    {
        Should.Throw<DomainException>(() => new StaffMember(new PersonName("Eva", null, "Proef"), StaffFunction.Manager, null, "eva@proef.example", null))
            .Code.ShouldBe("staff.organisation_required");
        new StaffMember(new PersonName("Fien", null, "Proef"), StaffFunction.Coordinator, null, "Fien@Proef.example", null)
            .Email.ShouldBe("fien@proef.example");
    }

    [Theory]
    [InlineData("5341ab", "5341 AB")]
    [InlineData(" 5341 AB ", "5341 AB")]
    public void A_postcode_is_kept_in_its_Dutch_form(string given, string kept) =>
        new Address("Kerkstraat", "1a", given, "Proefdorp").PostalCode.ShouldBe(kept);

    [Theory]
    [InlineData("0341 AB")]
    [InlineData("534 AB")]
    [InlineData("5341 A")]
    [InlineData("ABCD 12")]
    public void A_postcode_that_is_not_Dutch_is_refused_in_Dutch(string postcode) =>
        Should.Throw<DomainException>(() => new Address("Kerkstraat", "1", postcode, "Proefdorp"))
            .Message.ShouldStartWith("Een postcode is vier cijfers en twee letters");

    [Fact]
    public void A_name_keeps_its_prefix_apart_for_sorting_and_together_for_reading()
    {
        var name = new PersonName(" Joke ", "van der", "Heijden");

        name.Display.ShouldBe("Joke van der Heijden");
        name.Family.ShouldBe("Heijden");
        Should.Throw<DomainException>(() => new PersonName("", null, "Heijden")).Code.ShouldBe("name.given_required");
    }
}
