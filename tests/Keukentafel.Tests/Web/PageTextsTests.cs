using System.Collections;
using System.Globalization;
using System.Resources;
using Keukentafel.Accounts;
using Keukentafel.Mail;

namespace Keukentafel.Tests.Web;

/// <summary>Pages with their texts in resources have every text in Dutch (the neutral resource) and in English.</summary>
public sealed class PageTextsTests
{
    public static TheoryData<Type> Pages =>
        [typeof(DevelopmentMailModel), typeof(MagicLinkModel), typeof(MagicLinkSignInModel), typeof(ForgotPasswordModel), typeof(ResetPasswordModel),
            typeof(InvitationModel), typeof(LoginModel), typeof(EmailConfirmationModel), typeof(SignInNameModel), typeof(ResidentExternalLoginModel),
            typeof(Keukentafel.Web.LayoutTexts), typeof(Keukentafel.Web.DateInputTexts),
            typeof(Keukentafel.Residents.MyTablePage), typeof(Keukentafel.Residents.MyTrustedPeoplePage), typeof(Keukentafel.Residents.TrustedInvitationPage),
            typeof(Keukentafel.Residents.LookingAlongTexts),
            typeof(Keukentafel.Residents.MyPlanTexts), typeof(Keukentafel.Privacy.MyConsentsPage), typeof(Keukentafel.Privacy.MyAccessLogPage),
            typeof(Keukentafel.Privacy.MyDataPage), typeof(Keukentafel.Privacy.AccessLogTexts)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_Dutch_text_of_the_page_has_an_English_translation(Type page)
    {
        var folder = page.Namespace!["Keukentafel.".Length..];
        var resources = new ResourceManager($"Keukentafel.Resources.{folder}.{page.Name}", page.Assembly);

        var dutch = Keys(resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false));
        var english = Keys(resources.GetResourceSet(new CultureInfo("en"), createIfNotExists: true, tryParents: false));

        dutch.ShouldNotBeEmpty();
        english.ShouldBe(dutch, ignoreOrder: true);
    }

    /// <summary>
    /// Turkish (seed 002: Turkish women in Ruwaard) has every text too, with each placeholder of the Dutch text, and each
    /// translation marked in the resource file as waiting for a native speaker's review (the comment a translator sees).
    /// </summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_Dutch_text_of_the_page_has_a_Turkish_translation_marked_for_review(Type page)
    {
        var folder = Path.Combine(RepositoryFolder.Root, "src", "Keukentafel", "Resources", page.Namespace!["Keukentafel.".Length..]);
        static Dictionary<string, System.Xml.Linq.XElement> Texts(string file) => System.Xml.Linq.XDocument.Load(file).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value);
        var dutch = Texts(Path.Combine(folder, $"{page.Name}.resx"));
        var turkish = Texts(Path.Combine(folder, $"{page.Name}.tr.resx"));

        turkish.Keys.ShouldBe(dutch.Keys, ignoreOrder: true);
        foreach (var (key, text) in turkish)
        {
            (text.Element("comment")?.Value).ShouldBe("Needs review by a native speaker", $"{page.Name} {key}");
            var value = text.Element("value")!.Value;
            value.ShouldNotBeNullOrWhiteSpace($"{page.Name} {key}");
            foreach (var placeholder in System.Text.RegularExpressions.Regex.Matches(dutch[key].Element("value")!.Value, @"\{\d+(:[^}]*)?\}"))
            {
                value.ShouldContain(placeholder.ToString()!, Shouldly.Case.Sensitive, $"{page.Name} {key}");
            }
        }
    }

    private static List<string> Keys(ResourceSet? set) =>
        set is null ? [] : [.. set.Cast<DictionaryEntry>().Select(e => (string)e.Key)];
}
