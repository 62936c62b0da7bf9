using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Keukentafel.Browser;

/// <summary>Every page gets an axe-core check that fails on any WCAG 2.2 A or AA violation.</summary>
public static class Accessibility
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    public static async Task ShouldBeAccessibleAsync(this IPage page)
    {
        // Sizes and colours only hold once the stylesheets are in: a page found by its heading may still be loading them.
        await page.WaitForLoadStateAsync(LoadState.Load);
        // KEUKENTAFEL_SCREENSHOTS=<folder> keeps a picture of every checked page, for a human look.
        if (Environment.GetEnvironmentVariable("KEUKENTAFEL_SCREENSHOTS") is { Length: > 0 } folder)
        {
            var name = new Uri(page.Url).AbsolutePath.Trim('/').Replace('/', '_');
            await page.ScreenshotAsync(
                new() { Path = Path.Combine(folder, $"{(name.Length == 0 ? "start" : name)}-{DateTime.UtcNow:HHmmssfff}.png"), FullPage = true });
        }

        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        var problems = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at " + string.Join("; ", v.Nodes.Select(n =>
                $"{n.Target} [{n.Html}] ({string.Join(" / ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))})")))
            .ToList();
        problems.ShouldBeEmpty($"WCAG 2.2 AA violations on {page.Url}");
    }

    /// <summary>Runs the steps; when one fails, says where the browser was and what the page said.</summary>
    public static async Task StepsAsync(this IPage page, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException or Shouldly.ShouldAssertException)
        {
            var text = await page.Locator("main").InnerTextAsync(new() { Timeout = 2_000 })
                .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : "(geen pagina)", TaskScheduler.Default);
            // The cause first: CI shows only the first lines of a failure.
            var cause = failure.Message.Split('\n', 2)[0];
            throw new InvalidOperationException($"{failure.GetType().Name}: {cause}\nFailed at {page.Url}\n--- page ---\n{text}", failure);
        }
    }
}
