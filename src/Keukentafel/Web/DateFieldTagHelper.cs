using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Web;

/// <summary>
/// <c>&lt;kt-date-field for="Input.DateOfBirth" label="Uw geboortedatum" birthday="true" required="true" /&gt;</c>: a date
/// in three fields (dag, maand, jaar) in a fieldset whose legend is the label, for a <c>[DateParts]</c> property. The
/// day's field carries the field's id, so the error summary's link lands in it. Works without JavaScript.
/// </summary>
[HtmlTargetElement("kt-date-field", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateFieldTagHelper(HtmlEncoder encoder, IStringLocalizer<DateInputTexts> texts) : FieldTagHelper(encoder)
{
    /// <summary>A date of birth: the browser may fill it in (autocomplete bday-day, bday-month, bday-year).</summary>
    public bool Birthday { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var typed = Typed();
        var errors = Errors;
        // The parts that are wrong; a refusal of the date as a whole (30 February, or not his) marks all three.
        var wrong = errors.Count == 0 ? DatePart.None : typed.Read().Wrong is var parts and not DatePart.None ? parts : DatePart.All;
        var describedBy = $"{Id}-hint{(errors.Count > 0 ? $" {Id}-error" : "")}";

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class",
            $"utrecht-form-fieldset utrecht-form-fieldset--html-fieldset kt-date{(errors.Count > 0 ? " utrecht-form-fieldset--invalid" : "")}");
        output.Attributes.SetAttribute("aria-describedby", describedBy);
        var html = output.Content;
        html.AppendHtml($"<legend class=\"utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend\">{E(Label)}</legend>");
        html.AppendHtml($"<div class=\"utrecht-form-field-description\" id=\"{Id}-hint\">{E(Hint ?? texts["Example"])}</div>");
        if (errors.Count > 0)
        {
            html.AppendHtml($"<div class=\"utrecht-form-field-error-message\" id=\"{Id}-error\">{E(string.Join(" ", errors))}</div>");
        }

        html.AppendHtml("<div class=\"kt-date__parts\">");
        Part(html, DatePart.Day, Id, typed.Day, wrong);
        Part(html, DatePart.Month, $"{Id}_Month", typed.Month, wrong);
        Part(html, DatePart.Year, $"{Id}_Year", typed.Year, wrong);
        html.AppendHtml("</div>");
    }

    private void Part(TagHelperContent html, DatePart part, string id, string? value, DatePart wrong)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        var invalid = wrong.HasFlag(part);
        input.Attributes["class"] = $"utrecht-textbox utrecht-textbox--html-input utrecht-textbox--numeric kt-date__{part.ToString().ToLowerInvariant()}"
            + (invalid ? " utrecht-textbox--invalid" : "");
        input.Attributes["id"] = id;
        input.Attributes["name"] = $"{Name}.{part}";
        input.Attributes["type"] = "text";
        input.Attributes["inputmode"] = "numeric";
        if (value is not null) input.Attributes["value"] = value;
        if (Birthday) input.Attributes["autocomplete"] = $"bday-{part.ToString().ToLowerInvariant()}";
        if (Required) input.Attributes["aria-required"] = "true";
        if (invalid) input.Attributes["aria-invalid"] = "true";
        html.AppendHtml("<div class=\"utrecht-form-field utrecht-form-field--text kt-date__part\">");
        html.AppendHtml($"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"{id}\">{E(texts[part.ToString()])}</label></div>");
        html.AppendHtml("<div class=\"utrecht-form-field__input\">");
        html.AppendHtml(input);
        html.AppendHtml("</div></div>");
    }

    /// <summary>What the user typed (after a refused post), else the model's date.</summary>
    private DateParts Typed()
    {
        string? Attempted(string part) =>
            ViewContext.ViewData.ModelState.TryGetValue($"{Name}.{part}", out var entry) ? entry.AttemptedValue : null;

        return ViewContext.ViewData.ModelState.ContainsKey($"{Name}.{nameof(DateParts.Day)}")
            ? new DateParts(Attempted(nameof(DateParts.Day)), Attempted(nameof(DateParts.Month)), Attempted(nameof(DateParts.Year)))
            : For.Model is DateOnly date ? DateParts.Of(date) : default;
    }
}
