using Keukentafel.Cases;
using Microsoft.Extensions.Localization;

namespace Keukentafel.Privacy;

/// <summary>
/// The resident's export as a PDF to read, keep or print: the same content as the JSON file (his details, each case
/// with its questions, team, plan, marks, costs and history, the people he lets look along, and who looked), in the
/// words of his own page, in his language (<see cref="MyDataPage"/>'s texts).
/// </summary>
public sealed class ResidentExportPdf(Web.PdfText pdf, IStringLocalizer<MyDataPage> t)
{
    public byte[] Build(ResidentExportData d)
    {
        var culture = Web.Language.OfTexts;
        string Date(DateOnly day) => day.ToString(t["Date"], culture);
        string Local(DateTime utc, string format = "Date") => DutchTime.Local(utc).ToString(t[format], culture);
        return pdf.Build(t["Title"], t["PdfMade", d.Resident.Name, Local(d.MadeAtUtc, "DateTime")], lines =>
        {
            void Heading(string text) => lines.Line(text, bold: true, size: 13, after: 6);
            void Sub(string text) => lines.Line(text, bold: true, size: 11, after: 2);
            void Item(string text) => lines.Line($"- {text}", after: 2);

            lines.Line(t["Intro1"], after: 10);
            Heading(t["AboutYou"]);
            Item($"{t["Name"]}: {d.Resident.Name}");
            Item($"{t["Born"]}: {Date(d.Resident.DateOfBirth)}");
            Item($"{t["Address"]}: {d.Resident.Address}");
            Item($"{t["Neighbourhood"]}: {d.Resident.Neighbourhood}");
            Item($"{t["Phone"]}: {d.Resident.Phone ?? "-"}");
            Item($"{t["Email"]}: {d.Resident.Email ?? "-"}");
            lines.Line("", after: 8);

            foreach (var c in d.Cases)
            {
                var f = c.File;
                Heading(t["Case", f.Number]);
                lines.Line(t["YourQuestion", f.Description]);
                lines.Line(t["Step", f.StatusText, f.CaseBringer, Local(f.SignalledAtUtc)], after: 8);
                Sub(t["ThreeQuestions"]);
                foreach (var a in f.Answers)
                {
                    Item($"{t[$"Question.{a.Question}"]} {a.Text ?? t["NotAnswered"]}");
                }

                Sub(t["Team"]);
                foreach (var member in f.Team)
                {
                    Item(member.Organisation is null ? member.Name : $"{member.Name}, {member.Organisation}");
                }

                foreach (var n in f.Network)
                {
                    Item($"{n.Name} ({n.Relation})");
                }

                if (f.Actions.Count > 0)
                {
                    Sub(t["Plan"]);
                    foreach (var a in f.Actions)
                    {
                        Item(t["Action", a.What, Residents.ResidentWords.Carrier(a.What, a.CarrierName), Date(a.DueDate), a.StatusText]);
                    }
                }

                if (c.Wellbeing.Count > 0)
                {
                    Sub(t["Marks"]);
                    foreach (var m in c.Wellbeing)
                    {
                        Item($"{m.MomentText} ({Date(m.MeasuredOn)}): {m.Mark.ToString("0.0", culture)}{(m.Counts ? "" : t["Corrected"])}");
                    }
                }

                if (c.Costs is { } costs)
                {
                    Sub(t["Costs"]);
                    lines.Line(t["CostsText", decimal.Round(costs.Without, 0).ToString("C0", culture), decimal.Round(costs.With, 0).ToString("C0", culture)]);
                }

                Sub(t["History"]);
                foreach (var h in c.History)
                {
                    Item($"{Local(h.AtUtc, "DateTime")} · {h.Actor}: {Residents.ResidentWords.Of(h.Summary)}");
                }

                lines.Line("", after: 8);
            }

            if (d.TrustedPeople.Count > 0)
            {
                Heading(t["Trusted"]);
                foreach (var p in d.TrustedPeople)
                {
                    Item(string.Concat(t["TrustedLine", p.Name, p.Relation, Local(p.GivenAtUtc)].Value,
                        p.LinkedAtUtc is { } linked ? " " + t["TrustedLinked", Local(linked)] : "",
                        p.WithdrawnAtUtc is { } stopped ? " " + t["TrustedStopped", Local(stopped)] : ""));
                }

                lines.Line("", after: 8);
            }

            Heading(t["Looked"]);
            if (d.AccessLog.Count == 0)
            {
                lines.Line(t["NobodyLooked"]);
            }

            foreach (var e in d.AccessLog)
            {
                var who = e.Organisation is null ? e.Who : $"{e.Who} ({e.Organisation})";
                Item($"{Local(e.AtUtc, "DateTime")} · {who}: {e.What}{(e.Reason is null ? "" : $" ({t["Because"]} {e.Reason})")}");
            }
        });
    }
}
