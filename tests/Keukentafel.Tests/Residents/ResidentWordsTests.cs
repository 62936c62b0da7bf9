using System.Text.RegularExpressions;
using Keukentafel.Residents;
using Keukentafel.Tests.Web;

namespace Keukentafel.Tests.Residents;

/// <summary>
/// The resident's pages speak to him as "u", in his words (issue 23, point 9): no professionals' words ("MDO", "casus",
/// "de bewoner", "JSON"), each name once, and the pages as he sees them, with the history and consents written by
/// professionals, still read as plain Dutch.
/// </summary>
public sealed partial class ResidentWordsTests(KeukentafelApp app) : IClassFixture<KeukentafelApp>
{
    [Theory]
    [InlineData("Esra de Graaf (WoonGoed Heerdonk) voorgesteld voor het MDO. De bewoner beslist.",
        "Esra de Graaf (WoonGoed Heerdonk) voorgesteld voor uw gesprek. U beslist of deze persoon komt.")]
    [InlineData("MDO gepland op 10-12-2026 om 11:00, bij de bewoner thuis.", "Gesprek gepland op 10-12-2026 om 11:00, bij u thuis.")]
    [InlineData("De bewoner wil dat Rik aan tafel komt. Daarmee geeft de bewoner Gemeente Heerdonk toestemming voor: aan tafel komen.",
        "U wilt dat Rik aan tafel komt. Daarmee geeft u Gemeente Heerdonk toestemming voor: aan tafel komen.")]
    [InlineData("Actie: Begeleiding door Gemeente Heerdonk (Rik van Tilburg (Gemeente Heerdonk), klaar op 14-12-2026).",
        "Actie: Begeleiding door Gemeente Heerdonk (Rik van Tilburg, klaar op 14-12-2026).")]
    [InlineData("Casus aangebracht door Kevin (GGZ Lindeoord). Daarmee geeft de bewoner GGZ Lindeoord toestemming voor: de casus aanbrengen.",
        "Uw hulpvraag aangemeld door Kevin (GGZ Lindeoord). Daarmee geeft u GGZ Lindeoord toestemming voor: uw hulpvraag aanmelden.")]
    public void A_professionals_text_reads_in_the_residents_words(string staff, string resident) => ResidentWords.Of(staff).ShouldBe(resident);

    [Fact]
    public void A_carrier_is_named_once()
    {
        ResidentWords.Carrier("Begeleiding door Gemeente Heerdonk", "Rik van Tilburg (Gemeente Heerdonk)").ShouldBe("Rik van Tilburg");
        ResidentWords.Carrier("Schuldhulp", "Rik van Tilburg (Gemeente Heerdonk)").ShouldBe("Rik van Tilburg (Gemeente Heerdonk)");
        ResidentWords.Carrier("Schuldhulp", null).ShouldBeNull();
    }

    [Fact]
    public async Task The_demo_residents_pages_speak_his_words_and_read_plainly()
    {
        var resident = await app.SignedInAsync(PageSession.Resident);
        foreach (var path in new[] { "/", "/mijn/tafel", "/mijn/gegevens", "/mijn/toestemming", "/mijn/inzage", "/mijn/meekijken" })
        {
            var text = (await resident.GetPageAsync(path)).QuerySelector("main")!.TextContent;
            Jargon().Matches(text).Select(m => m.Value).ShouldBeEmpty($"{path} speaks of professionals' words");
            PlanLine().IsMatch(text).ShouldBeFalse($"{path} names an organisation twice in one line");

            var sentences = Regex.Split(text, @"\n\s*\n|(?<=[.?!])\s+").Select(s => Readability.Of(s.Trim())).Where(s => s.Words >= 5).ToList();
            var whole = sentences.Aggregate(new Readability.Score(0, 0, 0, 0), (a, b) => a + b);
            whole.FleschDouma.ShouldBeGreaterThanOrEqualTo(60, $"{path}: Flesch-Douma {whole.FleschDouma:0}");
        }
    }

    [GeneratedRegex(@"\bMDO\b|\bcasus(sen)?\b|\bde bewoner\b|\bJSON\b|sociaal domein", RegexOptions.IgnoreCase)]
    private static partial Regex Jargon();

    /// <summary>"Name (Organisation)" inside a line that names the same organisation before it.</summary>
    [GeneratedRegex(@"([A-Z][\w ]+)\b[^\n]*\([^()\n]*\(\1\)")]
    private static partial Regex PlanLine();
}
