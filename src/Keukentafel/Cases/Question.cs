namespace Keukentafel.Cases;

/// <summary>The three questions of core rule 4: "Wat wil ik? Wat kan ik? Wat heb ik nodig?"</summary>
public enum Question
{
    Want,
    Can,
    Need,
}

public static class QuestionText
{
    public static string Dutch(this Question question) => question switch
    {
        Question.Want => "Wat wil ik?",
        Question.Can => "Wat kan ik zelf?",
        Question.Need => "Wat heb ik nodig?",
        _ => question.ToString(),
    };

    public static string Explanation(this Question question) => question switch
    {
        Question.Want => "De situatie, de problemen en wat erachter zit, in de woorden van de bewoner.",
        Question.Can => "Wat de bewoner zelf kan doen, en wat zijn familie, buren of vrienden kunnen doen.",
        _ => "Welke hulp of steun daarnaast nodig is, ook van professionals.",
    };
}
