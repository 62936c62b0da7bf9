using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Keukentafel.Web;

/// <summary>
/// A wide table on a phone scrolls sideways inside its wrapper (<c>div.kt-table-wrapper</c>), never the page. So that
/// a keyboard can scroll it too, the wrapper is a named region that takes focus: named after the table's caption.
/// </summary>
[HtmlTargetElement("div", Attributes = "class")]
public sealed partial class TableWrapperTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (output.Attributes["class"]?.Value?.ToString() is not { } classes || !classes.Split(' ').Contains("kt-table-wrapper")
            || output.Attributes.ContainsName("tabindex"))
        {
            return;
        }

        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = CaptionRegex().Match(content) is { Success: true } found
            ? WebUtility.HtmlDecode(TagRegex().Replace(found.Groups[1].Value, "")).Trim()
            : "Tabel";
        output.Attributes.SetAttribute("tabindex", "0");
        output.Attributes.SetAttribute("role", "region");
        output.Attributes.SetAttribute("aria-label", Regex.Replace(caption, @"\s+", " "));
        output.Content.SetHtmlContent(content);
    }

    [GeneratedRegex("<caption[^>]*>(.*?)</caption>", RegexOptions.Singleline)]
    private static partial Regex CaptionRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagRegex();
}
