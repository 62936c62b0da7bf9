using System.Security.Cryptography;
using System.Text;

namespace Keukentafel.Accounts;

/// <summary>
/// A code one person hands to another (on paper, read aloud, in a message) to make a sign-in: 12 characters, about 57
/// bits, shown once and stored only as a hash.
/// </summary>
public static class OneTimeCode
{
    /// <summary>No 0/O, 1/I/L, 5/S, 2/Z: letters and digits that are not mistaken for each other when read or typed.</summary>
    private const string Alphabet = "ABCDEFGHJKMNPQRTUVWXY346789";

    /// <summary>A new code as it is shown: three groups of four.</summary>
    public static string New()
    {
        var code = new string([.. Enumerable.Range(0, 12).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)])]);
        return $"{code[..4]}-{code[4..8]}-{code[8..]}";
    }

    /// <summary>The code as typed: case, spaces and dashes do not matter.</summary>
    public static string Hash(string code)
    {
        var plain = new string([.. code.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));
    }
}
