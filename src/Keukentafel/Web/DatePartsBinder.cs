using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Web;

/// <summary>
/// On a <c>DateOnly?</c> of a form: the date comes in three fields, <c>.Day</c>, <c>.Month</c> and <c>.Year</c> after the
/// property's name, as <c>&lt;kt-date-field&gt;</c> shows them. The page model still gets a plain date.
/// </summary>
public sealed class DatePartsAttribute() : ModelBinderAttribute(typeof(DatePartsBinder));

/// <summary>
/// Reads the three fields into the date. A date that is not one (a part missing, 30 February) is refused beside the field
/// in the page's language, and the property stays empty; all three empty is left to the form's [Required].
/// </summary>
public sealed class DatePartsBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var typed = new DateParts(Part(bindingContext, nameof(DateParts.Day)), Part(bindingContext, nameof(DateParts.Month)),
            Part(bindingContext, nameof(DateParts.Year)));
        var (date, problem, _) = typed.Read();
        if (date is { } read)
        {
            bindingContext.Result = ModelBindingResult.Success(read);
        }
        else if (problem is not null)
        {
            // On the field as a whole, so the form's own checks of it (such as [Required]) do not add a second message.
            var texts = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<DateInputTexts>>();
            bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, texts[problem]);
            bindingContext.Result = ModelBindingResult.Failed();
        }

        return Task.CompletedTask;
    }

    private static string? Part(ModelBindingContext context, string part)
    {
        var name = ModelNames.CreatePropertyModelName(context.ModelName, part);
        var value = context.ValueProvider.GetValue(name);
        // Kept to show again what was typed; only the date as a whole is validated (and refused).
        context.ModelState.SetModelValue(name, value);
        context.ModelState.MarkFieldValid(name);
        return value.FirstValue;
    }
}
