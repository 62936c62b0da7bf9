using Keukentafel.Web;

namespace Keukentafel.Tests.Web;

/// <summary>A date typed as day, month and year: read into a date, or into what is wrong with it (issue 20, item 24).</summary>
public sealed class DatePartsTests
{
    [Theory]
    [InlineData("14", "3", "1951", "1951-03-14")]
    [InlineData(" 04 ", "03", "1951", "1951-03-04")]
    [InlineData("29", "2", "2024", "2024-02-29")]
    [InlineData("31", "12", "1999", "1999-12-31")]
    public void Day_month_and_year_make_the_date(string day, string month, string year, string expected)
    {
        var (date, problem, wrong) = new DateParts(day, month, year).Read();

        date.ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        problem.ShouldBeNull();
        wrong.ShouldBe(DatePart.None);
    }

    [Theory]
    [InlineData("30", "2", "1951")]
    [InlineData("29", "2", "2023")]
    [InlineData("31", "4", "1951")]
    public void A_date_that_does_not_exist_is_refused_as_a_whole(string day, string month, string year)
    {
        var (date, problem, wrong) = new DateParts(day, month, year).Read();

        date.ShouldBeNull();
        problem.ShouldBe("DoesNotExist");
        wrong.ShouldBe(DatePart.All);
    }

    [Theory]
    [InlineData("14", "", "1951", "MonthMissing", DatePart.Month)]
    [InlineData("", "3", "1951", "DayMissing", DatePart.Day)]
    [InlineData("14", "3", " ", "YearMissing", DatePart.Year)]
    [InlineData("", "", "1951", "DayAndMonthMissing", DatePart.Day | DatePart.Month)]
    [InlineData("", "3", null, "DayAndYearMissing", DatePart.Day | DatePart.Year)]
    [InlineData("14", null, "", "MonthAndYearMissing", DatePart.Month | DatePart.Year)]
    public void A_missing_part_is_named(string? day, string? month, string? year, string expected, DatePart missing)
    {
        var (date, problem, wrong) = new DateParts(day, month, year).Read();

        date.ShouldBeNull();
        problem.ShouldBe(expected);
        wrong.ShouldBe(missing);
    }

    [Theory]
    [InlineData("32", "3", "1951", "DayWrong", DatePart.Day)]
    [InlineData("0", "3", "1951", "DayWrong", DatePart.Day)]
    [InlineData("14", "13", "1951", "MonthWrong", DatePart.Month)]
    [InlineData("14", "maart", "1951", "MonthWrong", DatePart.Month)]
    [InlineData("14", "3", "51", "YearWrong", DatePart.Year)]
    [InlineData("14", "3", "0951", "YearWrong", DatePart.Year)]
    [InlineData("-1", "3", "1951", "DayWrong", DatePart.Day)]
    [InlineData("1951", "3", "14", "NotADate", DatePart.Day | DatePart.Year)]
    public void A_part_that_is_not_a_number_in_its_range_is_named(string day, string month, string year, string expected, DatePart named)
    {
        var (date, problem, wrong) = new DateParts(day, month, year).Read();

        date.ShouldBeNull();
        problem.ShouldBe(expected);
        wrong.ShouldBe(named);
    }

    [Fact]
    public void Nothing_typed_is_no_date_and_no_problem_so_the_form_decides_whether_it_may_stay_empty()
    {
        new DateParts(null, "", " ").Read().ShouldBe((null, null, DatePart.None));
        new DateParts(null, "", " ").IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_date_is_shown_again_as_its_parts()
    {
        DateParts.Of(new DateOnly(1951, 3, 4)).ShouldBe(new DateParts("4", "3", "1951"));
    }
}
