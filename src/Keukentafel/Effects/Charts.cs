using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Keukentafel.Effects;

/// <summary>One bar: a value, optionally with its confidence interval.</summary>
public sealed record Bar(string Label, decimal Value, decimal? Low = null, decimal? High = null);

/// <summary>A named row of values: one series of a grouped bar chart or a line chart.</summary>
public sealed record Series(string Name, IReadOnlyList<decimal> Values);

/// <summary>
/// Charts drawn on the server as inline SVG: they need no script, print as they are, and each carries a title and a
/// description for screen readers (the page shows the same figures in a table beside it).
/// </summary>
public static class Charts
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 70;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 44;
    private static readonly string[] Colours = ["#1b5e8c", "#d46a00", "#4a7c2f", "#7b3f98"];
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    public static IHtmlContent Bars(string id, string title, IReadOnlyList<Bar> bars, decimal max, Func<decimal, string> format)
    {
        var svg = Open(id, title, string.Join("; ", bars.Select(b =>
            $"{b.Label}: {format(b.Value)}{(b.Low is { } lo && b.High is { } hi ? $" ({format(lo)} tot {format(hi)})" : "")}")));
        Axis(svg, max, format);
        var slot = (Width - Left - Right) / (double)Math.Max(bars.Count, 1);
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var x = Left + (i * slot) + (slot * 0.2);
            var w = slot * 0.6;
            var y = Y(b.Value, max);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w:0.#}\" height=\"{Height - Bottom - y:0.#}\" fill=\"{Colours[0]}\"/>");
            if (b.Low is { } low && b.High is { } high)
            {
                var cx = x + (w / 2);
                var path = string.Create(CultureInfo.InvariantCulture,
                    $"M{cx:0.#} {Y(low, max):0.#}V{Y(high, max):0.#}M{cx - 8:0.#} {Y(low, max):0.#}h16M{cx - 8:0.#} {Y(high, max):0.#}h16");
                svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path}\" stroke=\"#222\" stroke-width=\"2\" fill=\"none\"/>");
            }

            Label(svg, x + (w / 2), y - 4, format(b.Value), "middle");
            Label(svg, x + (w / 2), Height - Bottom + 18, b.Label, "middle");
        }

        return Close(svg);
    }

    public static IHtmlContent GroupedBars(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<Series> series,
        Func<decimal, string> format)
    {
        var max = Nice(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var svg = Open(id, title, string.Join("; ", categories.Select((c, i) =>
            $"{c}: {string.Join(", ", series.Select(s => $"{s.Name} {format(s.Values[i])}"))}")));
        Axis(svg, max, format);
        var slot = (Width - Left - Right) / (double)Math.Max(categories.Count, 1);
        for (var i = 0; i < categories.Count; i++)
        {
            var w = slot * 0.8 / series.Count;
            for (var s = 0; s < series.Count; s++)
            {
                var x = Left + (i * slot) + (slot * 0.1) + (s * w);
                var y = Y(series[s].Values[i], max);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{w - 2:0.#}\" height=\"{Height - Bottom - y:0.#}\" fill=\"{Colours[s % Colours.Length]}\"/>");
            }

            Label(svg, Left + (i * slot) + (slot / 2), Height - Bottom + 18, categories[i], "middle");
        }

        Legend(svg, series);
        return Close(svg);
    }

    public static IHtmlContent Lines(string id, string title, IReadOnlyList<Series> series, Func<decimal, string> format, string xLabel)
    {
        var points = series.Max(s => s.Values.Count);
        var max = Nice(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var svg = Open(id, title, string.Join("; ", series.Select(s =>
            $"{s.Name}: na {s.Values.Count} {xLabel} {format(s.Values.Count == 0 ? 0 : s.Values[s.Values.Count - 1])}")));
        Axis(svg, max, format);
        var step = (Width - Left - Right) / (double)Math.Max(points - 1, 1);
        for (var s = 0; s < series.Count; s++)
        {
            var path = string.Join(" ", series[s].Values.Select((v, i) =>
                string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "M" : "L")}{Left + (i * step):0.#} {Y(v, max):0.#}")));
            svg.Append(CultureInfo.InvariantCulture,
                $"<path d=\"{path}\" stroke=\"{Colours[s % Colours.Length]}\" stroke-width=\"3\" fill=\"none\"{(s == 1 ? " stroke-dasharray=\"8 4\"" : "")}/>");
        }

        for (var i = 0; i < points; i += Math.Max(1, points / 12))
        {
            Label(svg, Left + (i * step), Height - Bottom + 18, (i + 1).ToString(CultureInfo.InvariantCulture), "middle");
        }

        Label(svg, Width - Right, Height - Bottom + 34, xLabel, "end");
        Legend(svg, series);
        return Close(svg);
    }

    /// <summary>A round maximum for the axis: 1, 2 or 5 times a power of ten, at least the largest value.</summary>
    public static decimal Nice(decimal max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var factor in new[] { 1m, 2m, 5m, 10m })
        {
            if (factor * power >= max)
            {
                return factor * power;
            }
        }

        return 10 * power;
    }

    public static string Euro(decimal value) => value.ToString("C0", Nl);

    public static string Mark(decimal value) => value.ToString("0.0", Nl);

    private static double Y(decimal value, decimal max) => Height - Bottom - ((double)(Math.Clamp(value, 0, max) / max) * (Height - Top - Bottom));

    private static StringBuilder Open(string id, string title, string description) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"kt-chart\" viewBox=\"0 0 {Width} {Height}\"")
            .Append(CultureInfo.InvariantCulture, $" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");

    private static void Axis(StringBuilder svg, decimal max, Func<decimal, string> format)
    {
        for (var i = 0; i <= 4; i++)
        {
            var value = max * i / 4;
            var y = Y(value, max);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ccc\"/>");
            Label(svg, Left - 6, y + 4, format(value), "end");
        }
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<Series> series)
    {
        for (var s = 0; s < series.Count; s++)
        {
            var x = Left + 10 + (s * 200);
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{x}\" y=\"{Height - 14}\" width=\"14\" height=\"10\" fill=\"{Colours[s % Colours.Length]}\"/>");
            Label(svg, x + 20, Height - 5, series[s].Name, "start");
        }
    }

    private static void Label(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"12\" fill=\"#222\">{E(text)}</text>");

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
