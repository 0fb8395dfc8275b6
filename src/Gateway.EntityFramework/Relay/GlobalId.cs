using System.Globalization;
using System.Text;

namespace Gateway.EntityFramework.Relay;

/// <summary>Opaque Relay global ids: base64 of <c>TypeName:key</c> (e.g. <c>Product:42</c>).</summary>
public static class GlobalId
{
    /// <summary>Encodes the id of the entity of type <paramref name="typeName"/> with key <paramref name="key"/>.</summary>
    public static string Encode(string typeName, object key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + Convert.ToString(key, CultureInfo.InvariantCulture)));

    /// <summary>Splits a global id into its type name and key text; false when it is not a well-formed global id.</summary>
    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        typeName = key = "";
        if (string.IsNullOrEmpty(id) || id.Length > 1024)
        {
            return false;
        }

        var buffer = new byte[id.Length];
        if (!Convert.TryFromBase64String(id, buffer, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, length);
        var separator = text.IndexOf(':');
        if (separator <= 0 || separator == text.Length - 1)
        {
            return false;
        }

        typeName = text[..separator];
        key = text[(separator + 1)..];
        return true;
    }

    /// <summary>Reads the key of a global id of type <paramref name="typeName"/> (e.g. a mutation's <c>productId</c>); false when malformed or of another type.</summary>
    public static bool TryParse<TKey>(string? id, string typeName, out TKey key)
    {
        key = default!;
        if (!TryDecode(id, out var type, out var text) || type != typeName || !TryConvertKey(text, typeof(TKey), out var value) || value is null)
        {
            return false;
        }

        key = (TKey)value;
        return true;
    }

    /// <summary>Converts the key text of a global id to the CLR key type; false when it does not parse.</summary>
    public static bool TryConvertKey(string key, Type keyType, out object? value)
    {
        var type = Nullable.GetUnderlyingType(keyType) ?? keyType;
        value = null;
        try
        {
            value = type == typeof(Guid) ? Guid.Parse(key) : Convert.ChangeType(key, type, CultureInfo.InvariantCulture);
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            return false;
        }
    }
}
