using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;

namespace Keukentafel.Cases;

/// <summary>Core rule 4: the three questions, answered with the resident, each with its history.</summary>
public sealed class QuestionsPage(CaseWork work, CaseFiles files) : CasePageModel(work, files)
{
    private readonly CaseFiles files = files;

    public Dictionary<Question, AnswerInput> Answers { get; } = [];

    public Dictionary<Question, IReadOnlyList<AnswerView>> History { get; } = [];

    public Task<IActionResult> OnPostAnswerAsync(Question question)
    {
        var input = new AnswerInput();
        Answers[question] = input;
        return ChangeAsync(input, $"Answers[{question}]",
            (c, by, now) => c.Answer(question, input.Text, input.Domains.Aggregate(LifeDomains.None, (a, d) => a | d), input.WithResident, by, now),
            $"Het antwoord op \"{question.Dutch()}\" is bewaard.");
    }

    protected override async Task PrepareAsync()
    {
        foreach (var question in Enum.GetValues<Question>())
        {
            History[question] = await files.AnswerHistoryAsync(Decision.CaseId, question, HttpContext.RequestAborted);
        }
    }
}

public sealed class AnswerInput
{
    [Required(ErrorMessage = "Schrijf het antwoord op, zo veel mogelijk in de woorden van de bewoner.")]
    [StringLength(8000, ErrorMessage = "Het antwoord is te lang (hooguit 8000 tekens).")]
    public string Text { get; set; } = "";

    public List<LifeDomains> Domains { get; set; } = [];

    public bool WithResident { get; set; }
}
