using System.Security.Cryptography;
using System.Text;

namespace Gateway.Http.Persisted;

/// <summary>The document ids of persisted operations: SHA-256 of the UTF-8 text, as 64 lowercase hex digits.</summary>
internal static class Sha256Hex
{
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static bool IsValid(string? value)
    {
        if (value is not { Length: 64 })
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
