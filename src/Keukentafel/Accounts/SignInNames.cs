using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Keukentafel.Accounts;

/// <summary>
/// Sign-in names for residents without an e-mail address: three everyday words at random (appel-fiets-kaas), easy to
/// read aloud, write down and type, and nothing to do with his name. The list is <c>data/accounts/sign-in-words.txt</c>
/// (194 words: about seven million names). A name is not a secret; the password is.
/// </summary>
public static class SignInNames
{
    private const int Words = 3;
    private const int Attempts = 20;

    private static readonly Lazy<string[]> WordList = new(LoadWords);

    public static string Random() =>
        string.Join('-', Enumerable.Range(0, Words).Select(_ => WordList.Value[RandomNumberGenerator.GetInt32(WordList.Value.Length)]));

    /// <summary>A name no account has yet (the unique index on the user name settles a race between two).</summary>
    public static async Task<string> NewAsync(UserManager<Account> users)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var name = Random();
            if (await users.FindByNameAsync(name) is null)
            {
                return name;
            }
        }

        throw new InvalidOperationException("No free sign-in name found; the word list is too short for this many accounts.");
    }

    /// <summary>
    /// What someone typed in the sign-in field, as it is looked up: with an @ an e-mail address, otherwise a sign-in
    /// name, where capitals do not matter and spaces between the words count as dashes ("Appel Fiets Kaas").
    /// </summary>
    public static Task<Account?> FindAsync(UserManager<Account> users, string typed)
    {
        var input = typed.Trim();
        return input.Contains('@', StringComparison.Ordinal)
            ? users.FindByEmailAsync(input)
            : users.FindByNameAsync(string.Join('-', input.ToLowerInvariant().Split([' ', '-', '.', '_', ','], StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>
    /// Signs in with a password by what was typed in the sign-in field. A name or address without an account costs the
    /// same password check as one with an account (against a hash of nobody's password), so the time of the answer does
    /// not tell whether the account exists.
    /// </summary>
    public static async Task<SignInResult> PasswordSignInAsync(SignInManager<Account> signIn, string typed, string password)
    {
        if (await FindAsync(signIn.UserManager, typed) is { } account)
        {
            return await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: true);
        }

        var hasher = signIn.UserManager.PasswordHasher;
        var nobody = new Account("niemand@keukentafel.invalid", "niemand", DateTime.UnixEpoch);
        NobodysHash ??= hasher.HashPassword(nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(nobody, NobodysHash, password);
        return SignInResult.Failed;
    }

    private static string? NobodysHash { get; set; }

    private static string[] LoadWords()
    {
        using var stream = typeof(SignInNames).Assembly.GetManifestResourceStream("Keukentafel.SignInWords.txt")
            ?? throw new InvalidOperationException("The sign-in word list is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                words.Add(line.Trim());
            }
        }

        return [.. words];
    }
}
