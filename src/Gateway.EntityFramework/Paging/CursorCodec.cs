using System.Text;
using System.Text.Json;
using Gateway.EntityFramework.Execution;

namespace Gateway.EntityFramework.Paging;

/// <summary>
/// Keyset cursors: base64 of JSON holding the sort signature and the row's sort-key values (primary key last).
/// Opaque to clients; a cursor is only valid for the sort order it was issued for.
/// </summary>
internal static class CursorCodec
{
    // sort keys are a handful of scalars; anything longer is not a cursor this engine issued
    private const int MaxCursorLength = 4096;

    public static string Encode(string signature, object?[] keys)
    {
        var json = JsonSerializer.Serialize(new CursorPayload(signature, keys));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    public static object?[] Decode(string cursor, IReadOnlyList<Type> keyTypes, string signature)
    {
        CursorPayload? payload;
        try
        {
            if (cursor.Length > MaxCursorLength)
            {
                throw Invalid(cursor[..32] + "…");
            }

            var buffer = new byte[cursor.Length];
            if (!Convert.TryFromBase64String(cursor, buffer, out var length))
            {
                throw Invalid(cursor);
            }

            payload = JsonSerializer.Deserialize<CursorPayload>(buffer.AsSpan(0, length));
        }
        catch (JsonException)
        {
            throw Invalid(cursor);
        }

        if (payload?.O is null || payload.K is null)
        {
            throw Invalid(cursor);
        }

        if (payload.O != signature || payload.K.Length != keyTypes.Count)
        {
            throw new QueryEngineError(QueryEngineErrorCodes.CursorOrderMismatch,
                "The cursor was issued for another sort order; request the first page again.");
        }

        var values = new object?[keyTypes.Count];
        for (var i = 0; i < values.Length; i++)
        {
            try
            {
                values[i] = payload.K[i] is JsonElement element ? element.Deserialize(keyTypes[i]) : null;
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
            {
                throw Invalid(cursor);
            }
        }

        return values;
    }

    private static QueryEngineError Invalid(string cursor) =>
        new(QueryEngineErrorCodes.InvalidCursor, $"The cursor '{cursor}' is not valid.");

    private sealed record CursorPayload(string? O, object?[]? K);
}
