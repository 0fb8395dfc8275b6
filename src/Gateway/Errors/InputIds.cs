using System.Globalization;
using Gateway.EntityFramework.Relay;

namespace Gateway.Errors;

/// <summary>Reads the global ids of mutation inputs; an id that is malformed or of another type is a <see cref="ValidationException"/>.</summary>
internal static class InputIds
{
    public static int Decode(object? id, string typeName, string field) =>
        GlobalId.TryDecode(id as string, out var type, out var key)
        && type == typeName
        && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ValidationException(field, $"'{id}' is not a valid {typeName} id.");
}
