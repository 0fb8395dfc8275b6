using GraphQL.Types;

namespace Gateway.EntityFramework.RootTypes;

/// <summary>
/// Which module declared each field of a root, so that two modules claiming one name fail at startup with both
/// named, rather than with GraphQL.NET's "already registered" that names neither.
/// </summary>
internal sealed class RootFieldOwners(ObjectGraphType root)
{
    private readonly Dictionary<string, Type> _owners = [];

    public void Add(FieldType field, Type declaringType)
    {
        if (_owners.TryGetValue(field.Name, out var other))
        {
            throw new InvalidOperationException($"{root.Name}.{field.Name} is declared by both {other.Name} and {declaringType.Name}.");
        }

        _owners[field.Name] = declaringType;
        root.AddField(field);
    }
}
