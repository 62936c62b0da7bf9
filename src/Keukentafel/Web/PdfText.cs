using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Keukentafel.Web;

/// <summary>Writes the lines of a PDF document, page after page.</summary>
public interface IPdfLines
{
    void Line(string text, bool bold = false, double size = 10, double after = 4);
}

/// <summary>
/// Plain text documents as PDF (access logs, effect reports). The PDF uses DejaVu Sans, which the build copies from
/// npm into wwwroot/lib/fonts, so names with any European letter print as they are written.
/// </summary>
public sealed class PdfText(IWebHostEnvironment environment)
{
    private const double Margin = 56;

    private readonly Lazy<(byte[] Regular, byte[] Bold)> fonts = new(() => (Font(environment, "DejaVuSans.ttf"), Font(environment, "DejaVuSans-Bold.ttf")));

    /// <param name="large">Large type for someone who reads with difficulty (the resident's plan): a bigger title and subtitle.</param>
    public byte[] Build(string title, string subtitle, Action<IPdfLines> write, bool large = false)
    {
        using var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        builder.DocumentInformation.Producer = "Keukentafel";
        var lines = new Lines(builder, builder.AddTrueTypeFont(fonts.Value.Regular), builder.AddTrueTypeFont(fonts.Value.Bold));
        lines.Line(title, bold: true, size: large ? 26 : 16, after: 6);
        lines.Line(subtitle, size: large ? 14 : 10, after: 14);
        write(lines);
        return builder.Build();
    }

    private sealed class Lines(PdfDocumentBuilder builder, PdfDocumentBuilder.AddedFont regular, PdfDocumentBuilder.AddedFont boldFont) : IPdfLines
    {
        private PdfPageBuilder? page;
        private double y;

        public void Line(string text, bool bold = false, double size = 10, double after = 4)
        {
            var font = bold ? boldFont : regular;
            // About as many letters as fit the page's width at this size (DejaVu Sans, bold included).
            foreach (var part in Wrap(Printable(text), (int)(820 / size)))
            {
                if (page is null || y < Margin)
                {
                    page = builder.AddPage(PageSize.A4);
                    y = page.PageSize.Height - Margin;
                }

                try
                {
                    page.AddText(part, size, new PdfPoint(Margin, y), font);
                }
                catch (InvalidOperationException)
                {
                    // A letter the font cannot draw after all: the plain ASCII line rather than no download.
                    page.AddText(new string([.. part.Select(ch => ch is >= ' ' and < '\u007f' ? ch : '?')]), size, new PdfPoint(Margin, y), font);
                }

                y -= size * 1.4;
            }

            y -= after;
        }
    }

    private static byte[] Font(IWebHostEnvironment environment, string name)
    {
        var file = environment.WebRootFileProvider.GetFileInfo($"lib/fonts/{name}");
        if (!file.Exists || file.PhysicalPath is null)
        {
            throw new InvalidOperationException($"The PDF font wwwroot/lib/fonts/{name} is missing: build the application (it copies the font from npm).");
        }

        return File.ReadAllBytes(file.PhysicalPath);
    }

    /// <summary>
    /// DejaVu Sans has the Latin, Greek and Cyrillic alphabets and the usual punctuation; any other character is
    /// written as its plain letter, or a question mark, rather than failing the download.
    /// </summary>
    private static string Printable(string text)
    {
        var plain = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var c = rune.Value;
            if (System.Text.Rune.IsWhiteSpace(rune) || System.Text.Rune.IsControl(rune))
            {
                // Line breaks, tabs and control characters have no letter in the font: a space stands in.
                plain.Append(' ');
            }
            else if (c is (>= 0x20 and < 0x7f) or (>= 0xa0 and < 0x530) or (>= 0x2010 and < 0x20d0))
            {
                plain.Append(rune.ToString());
            }
            else
            {
                var folded = rune.ToString().Normalize(System.Text.NormalizationForm.FormD)[0];
                plain.Append(folded is >= ' ' and < '\u007f' ? folded : '?');
            }
        }

        return plain.ToString();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length + 1 > width && line.Length > 0)
            {
                yield return line;
                line = "";
            }

            line = line.Length == 0 ? word : $"{line} {word}";
        }

        yield return line;
    }
}
