using System.ComponentModel.DataAnnotations;
using Keukentafel.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Keukentafel.Privacy;

/// <summary>The coordinator writes down why he opens a file he does not work on. It shows nothing of the file itself.</summary>
public sealed class BreakGlassPage(CaseAccess access, IConfiguration configuration) : PageModel, Web.IRefusablePage
{
    [BindProperty]
    public BreakGlassInput Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public int Hours => configuration.GetValue("Privacy:BreakGlassHours", 8);

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(Guid id, string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await access.BreakGlassAsync(id, Input.Reason, HttpContext.RequestAborted);
        var back = SignInOutcome.SafeReturnUrl(returnUrl);
        return LocalRedirect(back == "/" ? $"/casussen/{id}" : back);
    }

    public Task<IActionResult> ShowAgainAsync(DomainException refused) => Task.FromResult<IActionResult>(Page());
}

public sealed class BreakGlassInput
{
    [Required(ErrorMessage = "Schrijf op waarom u dit dossier opent."), StringLength(2000)]
    public string Reason { get; set; } = "";
}
