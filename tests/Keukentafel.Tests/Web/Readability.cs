using System.Text.RegularExpressions;

namespace Keukentafel.Tests.Web;

/// <summary>
/// Readability of Dutch text, by two measures made for it: Flesch-Douma (Douma 1960, Flesch's reading ease fitted to
/// Dutch: higher is easier; 60-70 reads "redelijk makkelijk", 70+ "makkelijk") and LIX (Björnsson: sentence length plus
/// the share of words longer than six letters; lower is easier, under 40 is easy text). Syllables are counted as groups
/// of vowels, the usual approximation for Dutch spelling (ij, ie, oe, eu, ui, ou, au are one sound; ë and ï start a new one).
/// </summary>
public static partial class Readability
{
    public sealed record Score(int Sentences, int Words, int Syllables, int LongWords)
    {
        public double FleschDouma => Words == 0 ? 100 : 206.835 - (0.93 * Words / Sentences) - (77.0 * Syllables / Words);

        public double Lix => Words == 0 ? 0 : ((double)Words / Sentences) + (100.0 * LongWords / Words);

        public static Score operator +(Score a, Score b) =>
            new(a.Sentences + b.Sentences, a.Words + b.Words, a.Syllables + b.Syllables, a.LongWords + b.LongWords);
    }

    public static Score Of(string text)
    {
        var plain = Placeholder().Replace(text, " ");
        var words = Word().Matches(plain).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return new Score(0, 0, 0, 0);
        }

        // A label or a button without a full stop is a sentence of its own.
        var sentences = Math.Max(1, SentenceEnd().Count(plain.TrimEnd() + " "));
        return new Score(sentences, words.Count, words.Sum(Syllables), words.Count(w => w.Length > 6));
    }

    public static int Syllables(string word)
    {
        var count = 0;
        var inVowels = false;
        foreach (var c in word.ToLowerInvariant())
        {
            var vowel = "aeiouyáéíóúàèäöüâêîôû".Contains(c);
            var breaking = c is 'ë' or 'ï';
            if (breaking || (vowel && !inVowels))
            {
                count++;
            }

            inVowels = vowel || breaking;
        }

        return Math.Max(1, count);
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{L}+(?:['’-]\p{L}+)*")]
    private static partial Regex Word();

    [GeneratedRegex(@"[.!?:]+(?=\s)")]
    private static partial Regex SentenceEnd();
}
