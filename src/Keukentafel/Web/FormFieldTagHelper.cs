using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Keukentafel.Web;

/// <summary>
/// What every form field shares, the NL Design System way: a label, an optional hint, the error message
/// beside the field, and the control wired to both with aria-describedby. Works without JavaScript.
/// </summary>
public abstract class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    public ModelExpression For { get; set; } = null!;
    public string Label { get; set; } = "";
    public string? Hint { get; set; }
    public bool Required { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    /// <summary>With the prefix of a partial rendered <c>for</c> a sub-model, so its fields bind back to it.</summary>
    protected string Name => ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
    protected string Id => TagBuilder.CreateSanitizedId(Name, "_");

    protected IReadOnlyList<string> Errors =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) ? [.. entry.Errors.Select(e => e.ErrorMessage)] : [];

    /// <summary>What the user typed (after a refused post), else the model's value.</summary>
    protected string? Value =>
        ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) && entry.AttemptedValue is not null
            ? entry.AttemptedValue
            : For.Model switch
            {
                null => null,
                DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                DateTime time => time.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
                decimal amount => amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };

    /// <summary>Renders the field around the control; the control gets its id, name, described-by and invalid state.</summary>
    protected void Render(TagHelperOutput output, string fieldKind, TagBuilder control)
    {
        var errors = Errors;
        var invalid = errors.Count > 0;
        var describedBy = new List<string>();
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", $"utrecht-form-field utrecht-form-field--{fieldKind}{(invalid ? " utrecht-form-field--invalid" : "")}");

        var html = output.Content;
        html.AppendHtml($"<div class=\"utrecht-form-field__label\"><label class=\"utrecht-form-label\" for=\"{Id}\">{E(Label)}</label></div>");
        if (Hint is not null)
        {
            describedBy.Add($"{Id}-hint");
            html.AppendHtml($"<div class=\"utrecht-form-field__description utrecht-form-field-description\" id=\"{Id}-hint\">{E(Hint)}</div>");
        }

        if (invalid)
        {
            describedBy.Add($"{Id}-error");
            html.AppendHtml(
                $"<div class=\"utrecht-form-field__error-message utrecht-form-field-error-message\" id=\"{Id}-error\">{E(string.Join(" ", errors))}</div>");
        }

        control.Attributes["id"] = Id;
        control.Attributes["name"] = Name;
        if (Required) control.Attributes["aria-required"] = "true";
        if (invalid) control.Attributes["aria-invalid"] = "true";
        if (describedBy.Count > 0) control.Attributes["aria-describedby"] = string.Join(' ', describedBy);

        html.AppendHtml("<div class=\"utrecht-form-field__input\">");
        html.AppendHtml(control);
        html.AppendHtml("</div>");
    }

    protected bool Invalid => Errors.Count > 0;

    protected string E(string text) => encoder.Encode(text);
}

/// <summary><c>&lt;kt-field for="Input.Email" label="E-mailadres" type="email" autocomplete="username" /&gt;</c></summary>
[HtmlTargetElement("kt-field", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FormFieldTagHelper(HtmlEncoder encoder) : FieldTagHelper(encoder)
{
    public string Type { get; set; } = "text";
    public string? Autocomplete { get; set; }
    public string? Inputmode { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["class"] = Invalid
            ? "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--invalid"
            : "utrecht-textbox utrecht-textbox--html-input";
        input.Attributes["type"] = Type;
        // Passwords are never written back into the page.
        if (Type != "password" && Value is { } value) input.Attributes["value"] = value;
        if (Autocomplete is not null) input.Attributes["autocomplete"] = Autocomplete;
        if (Inputmode is not null) input.Attributes["inputmode"] = Inputmode;
        if (Type == "number") input.Attributes["step"] = "0.01";
        Render(output, "text", input);
    }
}

/// <summary><c>&lt;kt-textarea for="Input.Text" label="Antwoord" rows="5" /&gt;</c></summary>
[HtmlTargetElement("kt-textarea", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class TextareaTagHelper(HtmlEncoder encoder) : FieldTagHelper(encoder)
{
    public int Rows { get; set; } = 4;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var textarea = new TagBuilder("textarea");
        textarea.Attributes["class"] = Invalid
            ? "utrecht-textarea utrecht-textarea--html-textarea utrecht-textarea--invalid"
            : "utrecht-textarea utrecht-textarea--html-textarea";
        textarea.Attributes["rows"] = Rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        textarea.InnerHtml.Append(Value ?? "");
        Render(output, "textarea", textarea);
    }
}

/// <summary><c>&lt;kt-select for="Input.Source" label="Hoe kwam de vraag binnen?" items="Model.Sources" /&gt;</c></summary>
[HtmlTargetElement("kt-select", Attributes = "for,label,items", TagStructure = TagStructure.WithoutEndTag)]
public sealed class SelectTagHelper(HtmlEncoder encoder) : FieldTagHelper(encoder)
{
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>A first, empty choice ("Kies ...") so nothing is chosen for the user.</summary>
    public string? Placeholder { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var select = new TagBuilder("select");
        select.Attributes["class"] = Invalid
            ? "utrecht-select utrecht-select--html-select utrecht-select--invalid"
            : "utrecht-select utrecht-select--html-select";
        var chosen = Value;
        if (Placeholder is not null)
        {
            select.InnerHtml.AppendHtml($"<option value=\"\">{E(Placeholder)}</option>");
        }

        // Items with a group (SelectListItem.Group) are shown under its name (optgroup), in the order given.
        SelectListGroup? open = null;
        foreach (var item in Items)
        {
            if (item.Group != open)
            {
                select.InnerHtml.AppendHtml(open is null ? "" : "</optgroup>");
                select.InnerHtml.AppendHtml(item.Group is null ? "" : $"<optgroup label=\"{E(item.Group.Name)}\">");
                open = item.Group;
            }

            var selected = chosen is not null ? string.Equals(item.Value, chosen, StringComparison.OrdinalIgnoreCase) : item.Selected;
            select.InnerHtml.AppendHtml($"<option value=\"{E(item.Value)}\"{(selected ? " selected" : "")}>{E(item.Text)}</option>");
        }

        select.InnerHtml.AppendHtml(open is null ? "" : "</optgroup>");

        Render(output, "select", select);
    }
}

/// <summary><c>&lt;kt-checkbox for="Input.WithResident" label="Samen met de bewoner geschreven" /&gt;</c></summary>
[HtmlTargetElement("kt-checkbox", Attributes = "for,label", TagStructure = TagStructure.WithoutEndTag)]
public sealed class CheckboxTagHelper(HtmlEncoder encoder) : FieldTagHelper(encoder)
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var isChecked = Value is { } v && (v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Contains("true", StringComparison.OrdinalIgnoreCase));
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "kt-checkbox");
        var hint = Hint is null ? "" : $"<div class=\"utrecht-form-field-description\" id=\"{Id}-hint\">{E(Hint)}</div>";
        var errors = Errors;
        var error = errors.Count == 0
            ? ""
            : $"<div class=\"utrecht-form-field__error-message utrecht-form-field-error-message\" id=\"{Id}-error\">{E(string.Join(" ", errors))}</div>";
        var describedBy = string.Join(' ', new[] { Hint is null ? null : $"{Id}-hint", errors.Count == 0 ? null : $"{Id}-error" }.OfType<string>());
        output.Content.AppendHtml(
            $"<input class=\"utrecht-checkbox utrecht-checkbox--html-input\" type=\"checkbox\" id=\"{Id}\" name=\"{Name}\" value=\"true\"" +
            $"{(isChecked ? " checked" : "")}" +
            $"{(describedBy.Length == 0 ? "" : $" aria-describedby=\"{describedBy}\"")}{(errors.Count == 0 ? "" : " aria-invalid=\"true\"")}>" +
            $"<input type=\"hidden\" name=\"{Name}\" value=\"false\">" +
            "<div class=\"kt-checkbox__text\">" +
            $"<label class=\"utrecht-form-label utrecht-form-label--checkbox\" for=\"{Id}\">{E(Label)}</label>{hint}{error}</div>");
    }
}
