using System.Buffers.Text;

namespace Keukentafel.Accounts;

/// <summary>Passkey credential ids travel in forms as base64url text.</summary>
public static class PasskeyText
{
    public static string Id(byte[] credentialId) => Base64Url.EncodeToString(credentialId);

    public static byte[]? Bytes(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
