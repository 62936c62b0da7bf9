using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Keukentafel.Web;

/// <summary>
/// The errors of a form, summarised at the top with a link to each field (STYLE.md, UI habit 14).
/// Renders nothing when the form is valid.
/// </summary>
[HtmlTargetElement("kt-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ErrorSummaryTagHelper(HtmlEncoder encoder) : TagHelper
{
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var state = ViewContext.ViewData.ModelState;
        var errors = state
            .Where(kv => kv.Value is { Errors.Count: > 0 })
            .SelectMany(kv => kv.Value!.Errors.Select(e => (Key: kv.Key, Message: e.ErrorMessage)))
            .ToList();
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "utrecht-alert utrecht-alert--error kt-error-summary");
        output.Attributes.SetAttribute("role", "alert");
        output.Content.AppendHtml("<div class=\"utrecht-alert__content\"><div class=\"utrecht-alert__message\">");
        output.Content.AppendHtml("<h2 class=\"utrecht-heading-2\">Controleer wat u hebt ingevuld</h2><ul class=\"utrecht-unordered-list\">");
        foreach (var (key, message) in errors)
        {
            var text = encoder.Encode(message);
            output.Content.AppendHtml(key.Length == 0
                ? $"<li class=\"utrecht-unordered-list__item\">{text}</li>"
                : "<li class=\"utrecht-unordered-list__item\"><a class=\"utrecht-link utrecht-link--html-a\" "
                    + $"href=\"#{TagBuilder.CreateSanitizedId(key, "_")}\">{text}</a></li>");
        }

        output.Content.AppendHtml("</ul></div></div>");
    }
}
