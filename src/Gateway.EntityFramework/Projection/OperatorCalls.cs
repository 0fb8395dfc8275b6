using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// <c>Expression.Call(type, name, typeArguments, arguments)</c> with the overload it resolves remembered. That
/// overload searches every method of <see cref="Queryable"/> or <see cref="Enumerable"/> by reflection on each call,
/// and a screen's projection makes dozens of such calls per request: a CPU profile of ProductPage under load put
/// that search among the largest costs of building the projection. The same declaring type, name, type arguments
/// and argument types always resolve to the same method, so the cache cannot change what is built.
/// </summary>
internal static class OperatorCalls
{
    private static readonly ConcurrentDictionary<CallKey, MethodInfo> _methods = new();
    private static readonly ConcurrentDictionary<Type, Type> _elementTypes = new();

    public static MethodCallExpression Call(Type declaringType, string name, Type[] typeArguments, params Expression[] arguments)
    {
        var key = new CallKey(declaringType, name, typeArguments, arguments.Select(a => a.Type).ToArray());
        if (!_methods.TryGetValue(key, out var method))
        {
            var call = Expression.Call(declaringType, name, typeArguments, arguments);
            _methods.TryAdd(key, call.Method);
            return call;
        }

        return Expression.Call(method, arguments);
    }

    /// <summary>The <c>T</c> of the <c>IEnumerable&lt;T&gt;</c> a sequence type implements, remembered per type.</summary>
    public static Type ElementType(Type sequence) => _elementTypes.GetOrAdd(sequence, static type =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : type.GetInterfaces().Concat([type])
                .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0]);

    private readonly struct CallKey(Type declaringType, string name, Type[] typeArguments, Type[] argumentTypes) : IEquatable<CallKey>
    {
        private readonly Type _declaringType = declaringType;
        private readonly string _name = name;
        private readonly Type[] _typeArguments = typeArguments;
        private readonly Type[] _argumentTypes = argumentTypes;

        public bool Equals(CallKey other) =>
            _declaringType == other._declaringType && _name == other._name
            && _typeArguments.AsSpan().SequenceEqual(other._typeArguments) && _argumentTypes.AsSpan().SequenceEqual(other._argumentTypes);

        public override bool Equals(object? obj) => obj is CallKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(_declaringType);
            hash.Add(_name);
            foreach (var type in _typeArguments)
            {
                hash.Add(type);
            }

            foreach (var type in _argumentTypes)
            {
                hash.Add(type);
            }

            return hash.ToHashCode();
        }
    }
}
