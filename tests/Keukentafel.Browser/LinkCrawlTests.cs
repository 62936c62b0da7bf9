using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Keukentafel.Tests;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>
/// No page links to a page that refuses the person who sees the link (issue 23, point 4). Each demo role signs in in
/// Chromium and follows every link on its pages, with the browser's cookies, breadth first from the start page: a link
/// is shown to someone only when he may follow it. Pages of one shape (a case's plan, a neighbourhood) are followed a
/// few times each, so the crawl sees every kind of page without opening every case. The first page of each shape is
/// also drawn on a phone (375 x 812): it must not scroll sideways, and its heading starts in the top third (issue 23).
/// </summary>
public sealed partial class LinkCrawlTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const int PerShape = 2;
    private const int MostPages = 400;
    private const int PhoneWidth = 375;
    private const int PhoneHeight = 812;

    [Theory]
    [InlineData(PageSession.Professional)]
    [InlineData(PageSession.Coordinator)]
    [InlineData(PageSession.Manager)]
    [InlineData(PageSession.Director)]
    [InlineData(PageSession.Financier)]
    [InlineData(PageSession.Aanjager)]
    [InlineData(PageSession.Administrator)]
    [InlineData(PageSession.Resident)]
    public async Task Every_link_a_role_sees_opens_for_that_role_and_fits_a_phone(string email)
    {
        var page = await app.NewPageAsync();
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await CaseFlowTests.SignInAsync(page, email);
        var parser = new HtmlParser();
        var seen = new HashSet<string> { "/" };
        var shapes = new Dictionary<string, int>();
        var queue = new Queue<(string Url, string From)>([("/", "(start)")]);
        var refused = new List<string>();
        var drawn = new HashSet<string>();
        var misfits = new List<string>();
        var visited = 0;
        while (queue.TryDequeue(out var next) && visited++ < MostPages)
        {
            var response = await page.APIRequest.GetAsync(next.Url, new() { MaxRedirects = 5 });
            if (response.Status is 401 or 403 or 404 or >= 500)
            {
                refused.Add($"{next.From} -> {next.Url}: {response.Status}");
                continue;
            }

            if (!(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal))
            {
                continue;
            }

            if (drawn.Add(Shape(next.Url)) && await MisfitAsync(page, next.Url) is { } misfit)
            {
                misfits.Add(misfit);
            }

            var document = parser.ParseDocument(await response.TextAsync());
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (Local(href) is not { } url || !seen.Add(url))
                {
                    continue;
                }

                var shape = Shape(url);
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                if (shapes[shape] <= PerShape)
                {
                    queue.Enqueue((url, next.Url));
                }
            }
        }

        refused.ShouldBeEmpty($"{email} sees links that refuse him");
        misfits.ShouldBeEmpty($"{email}'s pages on a phone");
        visited.ShouldBeGreaterThan(10, "the crawl followed the role's links");
    }

    /// <summary>What is wrong with the page on a phone: it scrolls sideways, or its heading starts below the top third; null when it fits.</summary>
    private static async Task<string?> MisfitAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        var measured = await page.EvaluateAsync<double[]>(
            "() => [document.documentElement.scrollWidth, document.querySelector('h1')?.getBoundingClientRect().top ?? 0]");
        var (width, heading) = (measured[0], measured[1]);
        return width > PhoneWidth ? $"{url} scrolls sideways ({width} px)"
            : heading > PhoneHeight / 3.0 ? $"{url}: the heading starts at {heading} px"
            : null;
    }

    /// <summary>The path and query of a link within the application; null for other sites, anchors, mail and sign-out.</summary>
    private static string? Local(string href)
    {
        if (href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith("tel:", StringComparison.Ordinal))
        {
            return null;
        }

        var uri = new Uri(new Uri("http://app/"), href);
        if (uri.Host != "app")
        {
            return null;
        }

        var url = uri.PathAndQuery;
        return url.StartsWith("/uitloggen", StringComparison.Ordinal) ? null : url;
    }

    /// <summary>A link's kind: its path with ids and numbers as placeholders, and the names of its query fields.</summary>
    private static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = Ids().Replace(parts[0], "{id}");
        var query = parts.Length == 2 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order()) : "";
        return $"{path}?{query}";
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\b\d+\b")]
    private static partial Regex Ids();
}
