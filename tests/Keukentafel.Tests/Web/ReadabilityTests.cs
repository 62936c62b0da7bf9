using System.Xml.Linq;

namespace Keukentafel.Tests.Web;

/// <summary>
/// The texts residents read are checked for plain Dutch (B1, issue 10, part 5), page by page, over the resource files a
/// language editor changes. Thresholds, and why:
/// - a page as a whole (its texts of five words or more: labels would flatter it) scores at least 60 on Flesch-Douma and
///   at most 40 on LIX: "redelijk makkelijk" and "easy" text, which is where B1 readers (about 60% of Dutch adults read
///   at B1 or below) are served;
/// - no single text scores under 35 on Flesch-Douma (a text that is hard on its own is not saved by easy neighbours),
///   unless it is one of a few words (a label or a button: too short for the measure to mean anything).
/// </summary>
public sealed class ReadabilityTests
{
    private const double PageEase = 60;
    private const double PageLix = 40;
    private const double TextEase = 35;

    private static readonly string Resources = Path.Combine(RepositoryFolder.Root, "src", "Keukentafel", "Resources");

    /// <summary>Every page residents or the people who look along with them use (the development mail page is a tool for developers).</summary>
    public static TheoryData<string> Pages => [.. Directory.EnumerateFiles(Resources, "*.resx", SearchOption.AllDirectories)
        .Where(f => Path.GetFileNameWithoutExtension(f).IndexOf('.') < 0 && !f.Contains("DevelopmentMail", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(Resources, f))];

    [Theory]
    [MemberData(nameof(Pages))]
    public void The_Dutch_texts_of_a_resident_page_are_plain_language(string page)
    {
        var texts = DutchTexts(Path.Combine(Resources, page));
        texts.ShouldNotBeEmpty();

        // Labels and buttons of a word or two would make any page look easy: the page's score is over its sentences.
        var whole = texts.Select(t => Readability.Of(t.Text)).Where(t => t.Words >= 5).Aggregate(new Readability.Score(0, 0, 0, 0), (a, b) => a + b);
        whole.FleschDouma.ShouldBeGreaterThanOrEqualTo(PageEase, $"{page}: Flesch-Douma {whole.FleschDouma:0}");
        whole.Lix.ShouldBeLessThanOrEqualTo(PageLix, $"{page}: LIX {whole.Lix:0}");
        foreach (var (key, text) in texts)
        {
            var score = Readability.Of(text);
            if (score.Words >= 8)
            {
                score.FleschDouma.ShouldBeGreaterThanOrEqualTo(TextEase, $"{page} {key}: \"{text}\" scores {score.FleschDouma:0}");
            }
        }
    }

    [Fact]
    public void A_difficult_sentence_fails_the_measure_and_a_plain_one_passes()
    {
        var difficult = Readability.Of("Ingevolge de toepasselijke bepalingen van de Wet maatschappelijke ondersteuning dient de belanghebbende zijn aanvraag "
            + "tot verstrekking van een maatwerkvoorziening schriftelijk en gemotiveerd in te dienen bij het college van burgemeester en wethouders.");
        var plain = Readability.Of("Wilt u hulp? Vraag het aan uw buurvrouw. Of bel de wijk. Wij komen bij u thuis.");

        difficult.FleschDouma.ShouldBeLessThan(TextEase);
        difficult.Lix.ShouldBeGreaterThan(PageLix);
        plain.FleschDouma.ShouldBeGreaterThanOrEqualTo(PageEase);
        plain.Lix.ShouldBeLessThanOrEqualTo(PageLix);
        Readability.Syllables("keukentafel").ShouldBe(4);
        Readability.Syllables("beëindigen").ShouldBe(4);
    }

    /// <summary>The Dutch (neutral) texts of a resource file; .NET date formats are not text.</summary>
    private static List<(string Key, string Text)> DutchTexts(string file) =>
        [.. XDocument.Load(file).Root!.Elements("data")
            .Where(d => !((string?)d.Element("comment") ?? "").StartsWith("A .NET", StringComparison.Ordinal))
            .Select(d => ((string)d.Attribute("name")!, (string)d.Element("value")!))];
}
