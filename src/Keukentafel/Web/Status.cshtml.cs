using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Web;

/// <summary>Plain-Dutch pages for error status codes (re-executed, so the status code itself is kept).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // a refused form is re-executed here as a POST; this page changes nothing
public sealed class StatusPage : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnGet(int code) => Describe(code);

    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        (Title, Explanation) = code switch
        {
            400 => ("Dit verzoek klopt niet", "Het formulier is misschien verlopen. Ga terug, laad de pagina opnieuw en probeer het nog eens."),
            403 => ("Geen toegang", "U hebt geen toegang tot deze pagina. Denkt u dat dit niet klopt? Neem contact op met uw beheerder."),
            404 => ("Pagina niet gevonden", "Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina."),
            429 => ("Even wachten", "Er zijn te veel pogingen gedaan. Wacht een minuut en probeer het opnieuw."),
            _ => ("Er ging iets mis", "Er ging iets mis aan onze kant. Probeer het later opnieuw."),
        };
    }
}
