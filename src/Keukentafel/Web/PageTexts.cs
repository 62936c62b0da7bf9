using System.Reflection;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Web;

/// <summary>
/// A form's input whose validation messages are keys into its page's texts
/// (<c>Resources/&lt;Folder&gt;/&lt;PageModel&gt;.resx</c>), so they are translated with the rest of the page.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TextsOfPageAttribute(Type page) : Attribute
{
    public Type Page { get; } = page;
}

public static class PageTexts
{
    /// <summary>
    /// The texts for the validation messages of an input: its page's when it names one with
    /// <see cref="TextsOfPageAttribute"/>; none for any other, which keeps the Dutch messages written on it.
    /// </summary>
    public static IStringLocalizer ForValidation(Type input, IStringLocalizerFactory factory) =>
        input.GetCustomAttribute<TextsOfPageAttribute>() is { } texts ? factory.Create(texts.Page) : null!;

    /// <summary>
    /// A rule's refusal in the language of the page: the page's text under the refusal's code when it has one, else the
    /// domain's own (Dutch) message, such as the reasons of the password rule.
    /// </summary>
    public static string Refusal(this IStringLocalizer texts, DomainException refused) =>
        texts[refused.Code] is { ResourceNotFound: false } text ? text.Value : refused.Message;
}
