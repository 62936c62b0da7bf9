using Keukentafel.Cases;
using Keukentafel.Data;
using Keukentafel.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Residents;

/// <summary>The texts of "Mijn plan": Resources/Residents/MyPlanTexts.resx (Dutch) and its translations.</summary>
public sealed class MyPlanTexts;

/// <summary>
/// "Mijn plan" on one page, for the resident's fridge: his three questions in his words, what he does, who helps him
/// with what (and their phone number, only for his own people and the professionals he let in), what he gives back,
/// the date, and whom to call. Large type, plain words, no case number or law domain. His language (Dutch, English, Turkish).
/// </summary>
public sealed class MyPlanPdf(Web.PdfText pdf, IStringLocalizer<MyPlanTexts> t, KeukentafelDbContext db, TimeProvider time)
{
    public async Task<byte[]> BuildAsync(CaseFile file, CancellationToken ct)
    {
        // Phone numbers of the professionals on his case only: those he agreed to (the team), never anyone he refused.
        var team = file.Team.Select(m => m.StaffMemberId).ToList();
        var phones = await db.StaffMembers.AsNoTracking().Where(s => team.Contains(s.Id) && s.Phone != null)
            .Select(s => new { s.Id, s.Phone }).ToDictionaryAsync(s => s.Id, s => s.Phone!, ct);
        return Build(file, phones, time.GetUtcNow().UtcDateTime);
    }

    public byte[] Build(CaseFile file, IReadOnlyDictionary<Guid, string> staffPhones, DateTime madeAtUtc)
    {
        var culture = Web.Language.OfTexts;
        string Date(DateOnly day) => day.ToString(t["Date"], culture);
        var plan = file.Actions.Where(a => a.Status != ActionStatus.Dropped).ToList();
        return pdf.Build(t["Title"], t["Made", Date(DutchTime.Date(madeAtUtc))], lines =>
        {
            void Heading(string text) => lines.Line(text, bold: true, size: 16, after: 4);
            void Text(string text) => lines.Line(text, size: 14, after: 10);

            foreach (var (question, heading) in new[] { (Question.Want, "Want"), (Question.Can, "Can"), (Question.Need, "Need") })
            {
                Heading(t[heading]);
                Text(file.Answers.FirstOrDefault(a => a.Question == question)?.Text ?? t["Nothing"]);
            }

            Heading(t["IDo"]);
            var mine = plan.Where(a => a.Carrier == Carrier.Resident && !a.IsContribution).ToList();
            mine.ForEach(a => Text(t["Item", a.What, Date(a.DueDate)]));
            if (mine.Count == 0)
            {
                Text(t["Nothing"]);
            }

            Heading(t["HelpsMe"]);
            var helpers = plan.Where(a => a.Carrier != Carrier.Resident && !a.IsContribution).ToList();
            foreach (var a in helpers)
            {
                Text(t["Helper", ResidentWords.Carrier(a.What, a.CarrierName), a.What, Date(a.DueDate)]);
                if (PhoneOf(file, a, staffPhones) is { } phone)
                {
                    Text(t["Phone", ResidentWords.Carrier(a.What, a.CarrierName), phone]);
                }
            }

            if (helpers.Count == 0)
            {
                Text(t["Nothing"]);
            }

            Heading(t["IGive"]);
            var gives = plan.Where(a => a.IsContribution).ToList();
            gives.ForEach(a => Text(t["Item", a.What, Date(a.DueDate)]));
            if (gives.Count == 0)
            {
                Text(file.NoContributionReason is null ? t["Nothing"] : t["NoGift"]);
            }

            lines.Line(t["Deadline", Date(file.Deadline)], bold: true, size: 16, after: 12);
            Heading(t["Call"]);
            var bringer = file.Team.FirstOrDefault(m => m.Role == CaseRole.Bringer);
            var organisation = bringer?.Organisation ?? file.Neighbourhood;
            Text(staffPhones.TryGetValue(file.CaseBringerId, out var call)
                ? t["CallWith", file.CaseBringer, organisation, call]
                : t["CallWithout", file.CaseBringer, organisation]);
        }, large: true);
    }

    /// <summary>A helper's number: someone of his own people with a phone, or a professional of his team named on the action.</summary>
    private static string? PhoneOf(CaseFile file, ActionView action, IReadOnlyDictionary<Guid, string> staffPhones) => action.Carrier switch
    {
        Carrier.Network => file.Network.FirstOrDefault(n => n.Name == action.CarrierName)?.Phone,
        Carrier.Organisation when action.CarrierStaffMemberId is { } staff => staffPhones.GetValueOrDefault(staff),
        _ => null,
    };
}
