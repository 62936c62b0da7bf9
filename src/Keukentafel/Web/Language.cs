using System.Globalization;

namespace Keukentafel.Web;

/// <summary>
/// The language of the texts (issue 10, part 6): Dutch, unless someone chose another one on the pages residents use.
/// Only the texts change (the UI culture): how dates, numbers and amounts are read stays as it is for everyone, so a
/// form posted in English means the same as in Dutch. Chosen with a cookie only, never from the browser's language or
/// the server's, so nobody gets a half-translated staff page he did not ask for.
/// </summary>
public static class Language
{
    /// <summary>The chosen language, for a year. Lax: a resident who follows a link in a mail sees his language at once.</summary>
    public static CookieBuilder Cookie { get; } =
        new CookieBuilder { IsEssential = true, MaxAge = TimeSpan.FromDays(365) }.AsHostCookie("kt.taal", SameSiteMode.Lax);

    /// <summary>
    /// Dutch first (the neutral resources); every language here has a complete translation of the resident pages. Turkish:
    /// seed 002 names Turkish women in Ruwaard; its texts wait for review by a native speaker (marked in each file).
    /// </summary>
    public static IReadOnlyList<(string Code, string Name)> Offered { get; } = [("nl", "Nederlands"), ("en", "English"), ("tr", "Türkçe")];

    /// <summary>Whether the texts shown are a translation: the page then says, also in Dutch, that the Dutch text counts.</summary>
    public static bool Translated => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "nl";

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    /// <summary>For dates in words ("dinsdag 24 november"): in the language of the texts.</summary>
    public static CultureInfo OfTexts => CultureInfo.CurrentUICulture.Name.Length == 0 ? Dutch : CultureInfo.GetCultureInfo(CultureInfo.CurrentUICulture.Name);

    public static IApplicationBuilder UseLanguage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var chosen = context.Request.Cookies[Cookie.Name!];
        CultureInfo.CurrentUICulture = Offered.Any(l => l.Code == chosen) ? CultureInfo.GetCultureInfo(chosen!) : Dutch;
        await next(context);
    });
}
