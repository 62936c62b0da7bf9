using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Keukentafel.Effects;

/// <summary>One bar: a value, optionally with its confidence interval.</summary>
public sealed record Bar(string Label, decimal Value, decimal? Low = null, decimal? High = null);

/// <summary>
/// A named row of values: one series of a grouped bar chart or a line chart. A value with a note (a group too small to
/// show) has no bar: the note stands in its place, never a 0.
/// </summary>
public sealed record Series(string Name, IReadOnlyList<decimal> Values, IReadOnlyList<string?>? Notes = null);

/// <summary>
/// Charts drawn on the server, without script: each is a figure with a one-line headline (what the chart says) and a
/// title (what it shows). Bars are rows of text (the name and the figure, readable at every width, read out by screen
/// readers) beside a bar drawn to scale; only the bar itself is a picture. Line charts stay a picture, with their
/// figures in the page's table beside them and in their description.
/// </summary>
public static class Charts
{
    private const int Width = 380;
    private const int Height = 240;
    private const int Left = 78;
    private const int Right = 12;
    private const int Top = 14;
    private const int Bottom = 40;
    private const int FontSize = 14;
    private static readonly string[] Colours = ["#1b5e8c", "#b35900", "#3f6b27", "#7b3f98"];
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>Bars on one scale from 0 to <paramref name="max"/>, each named, with its figure (and interval) beside it.</summary>
    public static IHtmlContent Bars(string id, string headline, string title, IReadOnlyList<Bar> bars, decimal max, Func<decimal, string> format)
    {
        var html = Open(id, headline, title);
        html.Append("<dl class=\"kt-bars\">");
        foreach (var b in bars)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"kt-bars__row\"><dt class=\"kt-bars__label\">{E(b.Label)}</dt>");
            var interval = b.Low is { } low && b.High is { } high ? (low, high) : ((decimal, decimal)?)null;
            Value(html, b.Value, max, 0, null, format(b.Value) + (interval is var (lo, hi) ? $" ({format(lo)} tot {format(hi)})" : ""), interval);
            html.Append("</div>");
        }

        html.Append("</dl>");
        return Close(html);
    }

    /// <summary>
    /// For each category one bar per series, all on one scale (the largest value, rounded up): the category named once,
    /// each bar with its series' colour and name (the key above the chart; written out for screen readers).
    /// </summary>
    public static IHtmlContent GroupedBars(string id, string headline, string title, IReadOnlyList<string> categories, IReadOnlyList<Series> series,
        Func<decimal, string> format)
    {
        var max = Nice(series.SelectMany(s => s.Values.Where((_, i) => s.Notes?[i] is null)).DefaultIfEmpty(0).Max());
        var html = Open(id, headline, title);
        Legend(html, series);
        html.Append("<dl class=\"kt-bars\">");
        for (var i = 0; i < categories.Count; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"kt-bars__row\"><dt class=\"kt-bars__label\">{E(categories[i])}</dt>");
            for (var s = 0; s < series.Count; s++)
            {
                var note = series[s].Notes?[i];
                var name = series.Count > 1 ? series[s].Name : null;
                Value(html, note is null ? series[s].Values[i] : 0, max, s, name, note ?? format(series[s].Values[i]), null);
            }

            html.Append("</div>");
        }

        html.Append("</dl>");
        return Close(html);
    }

    /// <summary>
    /// Lines over the months, on a scale from 0 to the largest value (rounded up). Drawn small (380 wide, text of 14) so
    /// that on a phone its text stays about 12 px; on a wide screen it grows to at most 28rem.
    /// </summary>
    public static IHtmlContent Lines(string id, string headline, string title, IReadOnlyList<Series> series, Func<decimal, string> format, string xLabel)
    {
        var points = series.Max(s => s.Values.Count);
        var max = Nice(series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        var html = Open(id, headline, title);
        Legend(html, series);
        var description = string.Join("; ", series.Select(s =>
            $"{s.Name}: {format(s.Values.Count == 0 ? 0 : s.Values[s.Values.Count - 1])} na {s.Values.Count} {xLabel}{(s.Values.Count == 1 ? "" : "en")}"));
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"kt-chart__lines\" viewBox=\"0 0 {Width} {Height}\" role=\"img\"")
            .Append(CultureInfo.InvariantCulture, $" aria-label=\"{E(title)}: {E(description)}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i <= 4; i++)
        {
            var value = max * i / 4;
            var y = Y(value, max);
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#ccc\"/>");
            Label(html, Left - 6, y + 5, format(value), "end");
        }

        var step = (Width - Left - Right) / (double)Math.Max(points - 1, 1);
        for (var s = 0; s < series.Count; s++)
        {
            var path = string.Join(" ", series[s].Values.Select((v, i) =>
                string.Create(CultureInfo.InvariantCulture, $"{(i == 0 ? "M" : "L")}{Left + (i * step):0.#} {Y(v, max):0.#}")));
            html.Append(CultureInfo.InvariantCulture,
                $"<path d=\"{path}\" stroke=\"{Colours[s % Colours.Length]}\" stroke-width=\"3\" fill=\"none\"{(s == 1 ? " stroke-dasharray=\"8 4\"" : "")}/>");
        }

        var every = Math.Max(1, (int)Math.Ceiling(points / 6.0));
        for (var i = 0; i < points; i += every)
        {
            Label(html, Left + (i * step), Height - Bottom + 20, (i + 1).ToString(CultureInfo.InvariantCulture), "middle");
        }

        Label(html, Width - Right, Height - 4, xLabel, "end");
        html.Append("</svg>");
        return Close(html);
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

    /// <summary>A share as a Dutch percentage without decimals ("7%"); a share below one percent but above nothing reads "minder dan 1%".</summary>
    public static string Percent(decimal part, decimal whole) => whole <= 0 ? "0%"
        : part > 0 && part / whole < 0.005m ? "minder dan 1%" : (part / whole).ToString("P0", Nl).Replace(" ", "", StringComparison.Ordinal);

    public static string Euro(decimal value) => value.ToString("C0", Nl);

    /// <summary>"1 maand", "12 maanden".</summary>
    public static string Months(int count) => count == 1 ? "1 maand" : $"{count} maanden";

    public static string Mark(decimal value) => value.ToString("0.0", Nl);

    /// <summary>One bar: its track (the whole scale, light), the value drawn on it, the interval as a whisker, the figure as text.</summary>
    private static void Value(StringBuilder html, decimal value, decimal max, int colour, string? series, string text, (decimal Low, decimal High)? interval)
    {
        static double Share(decimal v, decimal max) => max <= 0 ? 0 : (double)(Math.Clamp(v, 0, max) / max) * 100;
        html.Append("<dd class=\"kt-bars__value\">")
            .Append("<svg class=\"kt-bars__bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">")
            .Append("<rect width=\"100\" height=\"10\" fill=\"#e8edf1\"/>")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{Share(value, max):0.##}\" height=\"10\" fill=\"{Colours[colour % Colours.Length]}\"/>");
        if (interval is var (low, high))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<path d=\"M{Share(low, max):0.##} 5H{Share(high, max):0.##}M{Share(low, max):0.##} 1V9M{Share(high, max):0.##} 1V9\" stroke=\"#111\" ")
                .Append("stroke-width=\"2\" fill=\"none\" vector-effect=\"non-scaling-stroke\"/>");
        }

        html.Append("</svg><span class=\"kt-bars__number\">");
        if (series is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"kt-visually-hidden\">{E(series)}: </span>");
        }

        html.Append(CultureInfo.InvariantCulture, $"{E(text)}</span></dd>");
    }

    private static double Y(decimal value, decimal max) => Height - Bottom - ((double)(Math.Clamp(value, 0, max) / max) * (Height - Top - Bottom));

    private static StringBuilder Open(string id, string headline, string title) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<figure class=\"kt-chart\" id=\"{id}\" aria-labelledby=\"{id}-caption\">")
            .Append(CultureInfo.InvariantCulture, $"<figcaption class=\"kt-chart__caption\" id=\"{id}-caption\">")
            .Append(CultureInfo.InvariantCulture, $"<strong class=\"kt-chart__headline\">{E(headline)}</strong> ")
            .Append(CultureInfo.InvariantCulture, $"<span class=\"kt-chart__title\">{E(title)}</span></figcaption>");

    /// <summary>The key: which colour is which series (only when there is more than one).</summary>
    private static void Legend(StringBuilder html, IReadOnlyList<Series> series)
    {
        if (series.Count < 2)
        {
            return;
        }

        html.Append("<ul class=\"kt-chart__legend\" role=\"list\" aria-hidden=\"true\">");
        for (var s = 0; s < series.Count; s++)
        {
            html.Append("<li><svg class=\"kt-chart__key\" viewBox=\"0 0 10 10\" focusable=\"false\">")
                .Append(CultureInfo.InvariantCulture, $"<rect width=\"10\" height=\"10\" fill=\"{Colours[s % Colours.Length]}\"/></svg>")
                .Append(CultureInfo.InvariantCulture, $"{E(series[s].Name)}</li>");
        }

        html.Append("</ul>");
    }

    private static void Label(StringBuilder svg, double x, double y, string text, string anchor) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"{FontSize}\" fill=\"#222\">{E(text)}</text>");

    private static HtmlString Close(StringBuilder html) => new(html.Append("</figure>").ToString());

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
