using System.Text;

namespace Gateway.Http.WebSockets;

/// <summary>Keeps close reasons within the 123 UTF-8 bytes a close frame can carry.</summary>
internal static class CloseReason
{
    private const int MaxBytes = 123;

    public static string Fit(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxBytes)
        {
            return reason;
        }

        var length = Math.Min(reason.Length, MaxBytes);
        while (length > 0 && Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxBytes - 3)
        {
            length--;
        }

        // Do not cut a surrogate pair in half.
        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }
}
