using Keukentafel.Cases;
using Keukentafel.Data;
using Microsoft.EntityFrameworkCore;

namespace Keukentafel.Privacy;

/// <summary>The resident as Keukentafel holds him.</summary>
public sealed record ResidentDetails(Guid Id, string Name, DateOnly DateOfBirth, string Address, string Neighbourhood, string? Phone, string? Email,
    DateTime RegisteredAtUtc);

/// <summary>One of his cases, whole: the file and every change ever made to it.</summary>
public sealed record ExportedCase(CaseFile File, IReadOnlyList<AnswerView> EveryAnswer, IReadOnlyList<HistoryEntry> History,
    IReadOnlyList<Effects.MeasurementView> Wellbeing, Effects.AnalysisTerms? CostAnalysis, Effects.AnalysisResult? Costs);

/// <summary>
/// Everything Keukentafel holds about one resident (AVG art. 15 and 20): his details, his cases, the people he let look
/// along, and who looked.
/// </summary>
public sealed record ResidentExportData(DateTime MadeAtUtc, ResidentDetails Resident, IReadOnlyList<ExportedCase> Cases,
    IReadOnlyList<Residents.TrustedPersonView> TrustedPeople, IReadOnlyList<AccessLogEntry> AccessLog);

/// <summary>Gathers the export: only what is about this resident, nothing about another.</summary>
public sealed class ResidentExport(KeukentafelDbContext db, CaseFiles files, AccessLog log, Effects.Wellbeing wellbeing, Effects.Analyses analyses,
    TimeProvider time)
{
    /// <summary>What the audit log calls a look at (or a copy of) all his data.</summary>
    public const string Part = "alle gegevens";

    public async Task<ResidentExportData?> BuildAsync(Guid residentId, CancellationToken ct)
    {
        var resident = await db.Residents.AsNoTracking().Where(r => r.Id == residentId)
            .Select(r => new { r.Id, r.Name, r.DateOfBirth, r.Address, Neighbourhood = r.Neighbourhood!.Name, r.Phone, r.Email, r.RegisteredAtUtc })
            .SingleOrDefaultAsync(ct);
        if (resident is null)
        {
            return null;
        }

        var cases = new List<ExportedCase>();
        foreach (var caseId in await db.Cases.AsNoTracking().Where(c => c.ResidentId == residentId).OrderBy(c => c.SignalledAtUtc).Select(c => c.Id)
            .ToListAsync(ct))
        {
            var answers = new List<AnswerView>();
            foreach (var question in Enum.GetValues<Question>())
            {
                answers.AddRange(await files.AnswerHistoryAsync(caseId, question, ct));
            }

            var analysis = await analyses.ForCaseAsync(caseId, ct);
            cases.Add(new ExportedCase((await files.GetAsync(caseId, ct))!, answers, await files.HistoryAsync(caseId, null, CaseFiles.AllHistory, ct),
                (await wellbeing.ForCaseAsync(caseId, ct)).Measurements, analysis.Terms, analysis.Result));
        }

        return new ResidentExportData(time.GetUtcNow().UtcDateTime,
            new ResidentDetails(resident.Id, resident.Name.Display, resident.DateOfBirth, resident.Address.ToString(), resident.Neighbourhood, resident.Phone,
                resident.Email, resident.RegisteredAtUtc),
            cases,
            await db.TrustedPeople.AsNoTracking().Where(t => t.ResidentId == residentId).OrderBy(t => t.GivenAtUtc)
                .Select(t => new Residents.TrustedPersonView(t.Id, t.Name, t.Relation, t.GivenAtUtc, t.CodeExpiresAtUtc, t.LinkedAtUtc, t.WithdrawnAtUtc))
                .ToListAsync(ct),
            await log.ForResidentAsync(residentId, null, ct));
    }
}
