using GraphQL;
using GraphQL.Execution;

namespace Gateway.EntityFramework.Types;

/// <summary>The arguments of the field being compiled or resolved, and the request it belongs to.</summary>
public sealed class FieldArguments
{
    private readonly IDictionary<string, ArgumentValue>? _values;

    internal FieldArguments(IResolveFieldContext context, IDictionary<string, ArgumentValue>? values)
    {
        Context = context;
        _values = values;
    }

    /// <summary>The resolve context of the root field being executed (user, services, cancellation).</summary>
    public IResolveFieldContext Context { get; }

    /// <summary>The value of an argument (its default when the client left it out), converted to <typeparamref name="T"/>.</summary>
    public T Get<T>(string name, T defaultValue = default!)
    {
        if (_values is null || !_values.TryGetValue(name, out var value) || value.Value is null)
        {
            return defaultValue;
        }

        return value.Value is T typed ? typed : (T)Convert.ChangeType(value.Value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    internal object? Raw(string name) =>
        _values is not null && _values.TryGetValue(name, out var value) ? value.Value : null;
}
