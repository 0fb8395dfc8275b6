using System.Collections;
using System.Globalization;
using Gateway.EntityFramework.Relay;

namespace Gateway.EntityFramework.Mutations;

/// <summary>
/// Turns the input object GraphQL.NET parsed (dictionaries and lists) into the mutation's record, decoding global ids.
/// GraphQL validation has already checked types and nullability; what is left to fail is an id, reported on its path.
/// </summary>
internal static class InputReader
{
    public static object Read(InputShape shape, IDictionary<string, object?> fields) => ReadRecord(shape, fields, "");

    private static object ReadRecord(InputShape shape, IDictionary<string, object?> fields, string path)
    {
        var parameters = shape.Constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        var byParameter = shape.Fields.Where(f => f.Member.Parameter is not null).ToDictionary(f => f.Member.Parameter!.Position);
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = byParameter.TryGetValue(i, out var field)
                ? ReadField(field, fields, path)
                : parameters[i].HasDefaultValue ? parameters[i].DefaultValue : DefaultOf(parameters[i].ParameterType);
        }

        var record = shape.Constructor.Invoke(arguments);
        foreach (var field in shape.Fields.Where(f => f.Member.Parameter is null && fields.ContainsKey(f.Name)))
        {
            field.Member.Property.SetValue(record, ReadField(field, fields, path));
        }

        return record;
    }

    private static object? ReadField(InputField field, IDictionary<string, object?> fields, string path) =>
        fields.TryGetValue(field.Name, out var value) ? ReadValue(field.Value, value, Join(path, field.Name)) : DefaultOf(field.Value.ClrType);

    private static object? ReadValue(InputValue shape, object? value, string path)
    {
        if (value is null)
        {
            return DefaultOf(shape.ClrType);
        }

        if (shape.Element is { } element)
        {
            var items = ((IEnumerable)value).Cast<object?>().Select((item, i) => ReadValue(element, item, $"{path}[{i}]")).ToList();
            var list = shape.ClrType.IsArray
                ? Array.CreateInstance(element.ClrType, items.Count)
                : (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element.ClrType))!;
            for (var i = 0; i < items.Count; i++)
            {
                if (list is Array array)
                {
                    array.SetValue(items[i], i);
                }
                else
                {
                    list.Add(items[i]);
                }
            }

            return list;
        }

        if (shape.GlobalIdType is { } typeName)
        {
            var id = value as string;
            return GlobalId.TryDecode(id, out var type, out var key) && type == typeName && GlobalId.TryConvertKey(key, shape.ClrType, out var decoded)
                ? decoded
                : throw new InputValidationException(path, $"'{id}' is not a valid {typeName} id.");
        }

        if (shape.Record is { } record)
        {
            return ReadRecord(record, (IDictionary<string, object?>)value, path);
        }

        var target = Nullable.GetUnderlyingType(shape.ClrType) ?? shape.ClrType;
        return target.IsInstanceOfType(value) ? value
            : target.IsEnum ? value is string name ? Enum.Parse(target, name, ignoreCase: true) : Enum.ToObject(target, value)
            : Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;
}
