using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>
/// The password rule for residents (issue 10): one a person who reads and types with difficulty can meet, and still
/// safe (NIST SP 800-63B): long enough, no demands on capitals, digits or signs, but not a password that is easy to
/// guess (a common one from <c>data/accounts/common-passwords.txt</c>, a keyboard row, one key held down) and not his
/// own name or e-mail address. Staff keep the strong rule of <see cref="IdentityOptions.Password"/>.
/// </summary>
public static class ResidentPasswordRule
{
    public const int MinimumLength = 10;

    public const string TooShortCode = "PasswordTooShort";
    public const string TooEasyCode = "PasswordTooEasy";
    public const string ContainsNameCode = "PasswordContainsName";

    /// <summary>Rows and runs people type as a "password": a password that is a piece of one (either way) is refused.</summary>
    private static readonly string[] Runs =
    [
        "01234567890123456789", "abcdefghijklmnopqrstuvwxyzabcdefghij", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn",
        "qwertzuiopasdfghjklyxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p", "qazwsxedcrfvtgbyhnujmikolp",
    ];

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    /// <summary>What is wrong with this password for this resident; nothing when it is good.</summary>
    public static IReadOnlyList<IdentityError> Check(string? password, string? email, string? displayName, string? userName)
    {
        password ??= "";
        if (password.EnumerateRunes().Count() < MinimumLength)
        {
            return [Error(TooShortCode, $"Het wachtwoord moet minstens {MinimumLength} tekens lang zijn. Een zin van een paar woorden is goed.")];
        }

        var plain = Plain(password);
        if (IsEasy(plain))
        {
            return [Error(TooEasyCode, "Dit wachtwoord is te makkelijk te raden. Kies een zin van een paar woorden, bijvoorbeeld over iets wat u graag doet.")];
        }

        if (ContainsOwnName(plain, email, displayName, userName))
        {
            return [Error(ContainsNameCode, "Gebruik niet uw naam, inlognaam of e-mailadres in het wachtwoord. Kies een zin van een paar woorden.")];
        }

        return [];
    }

    /// <summary>Lower case, without accents, spaces or signs: "Wáchtwoord 12!" and "wachtwoord12" are the same guess.</summary>
    internal static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c)) // accents come apart in FormD and are left out; other scripts stay as they are
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsEasy(string plain)
    {
        var core = plain.Trim("0123456789".ToCharArray());
        return plain.Length < 4
            || Common.Value.Contains(plain)
            || (core.Length > 0 && Common.Value.Contains(core))
            || Common.Value.Contains(LookAlikes(plain))
            || Common.Value.Contains(LookAlikes(core))
            || IsRepeated(plain)
            || IsRun(plain);
    }

    /// <summary>Digits used as letters: "w4chtw00rd" is "wachtwoord".</summary>
    private static string LookAlikes(string plain) => new([.. plain.Select(c => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        _ => c,
    })]);

    /// <summary>One short piece, or a common word, over and over: "aaaaaaaaaa", "121212121212", "hallohallo".</summary>
    private static bool IsRepeated(string plain)
    {
        for (var length = 1; length <= plain.Length / 2; length++)
        {
            if (plain.Length % length != 0)
            {
                continue;
            }

            var unit = plain[..length];
            if ((length <= 4 || Common.Value.Contains(unit)) && string.Concat(Enumerable.Repeat(unit, plain.Length / length)) == plain)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRun(string plain) =>
        Runs.Any(run => run.Contains(plain, StringComparison.Ordinal) || new string([.. run.Reverse()]).Contains(plain, StringComparison.Ordinal));

    /// <summary>
    /// His name or the part of his e-mail address before the @: a word of four letters or more anywhere in the
    /// password, or the whole password (apart from digits) being one of them. His sign-in name as a whole is refused too.
    /// </summary>
    private static bool ContainsOwnName(string plain, string? email, string? displayName, string? userName)
    {
        var local = email?.Split('@')[0];
        var words = $"{local} {displayName}"
            .Split([' ', '.', '-', '_', '+', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(Plain)
            .Where(w => w.Length >= 2)
            .ToList();
        var core = plain.Trim("0123456789".ToCharArray());
        return words.Any(w => (w.Length >= 4 && plain.Contains(w, StringComparison.Ordinal)) || w == core)
            || (Plain(local ?? "") is { Length: >= 2 } wholeLocal && core == wholeLocal)
            || (userName is not null && Plain(userName) is { Length: >= 2 } name && plain.Contains(name, StringComparison.Ordinal));
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = typeof(ResidentPasswordRule).Assembly.GetManifestResourceStream("Keukentafel.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var common = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                common.Add(Plain(line));
            }
        }

        return common;
    }

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
