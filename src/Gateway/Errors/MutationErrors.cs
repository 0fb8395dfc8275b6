using System.Collections.Concurrent;
using Gateway.Auth;
using GraphQL;
using GraphQL.Types;

namespace Gateway.Errors;

/// <summary>
/// The one place where domain exceptions become payload errors: an exception whose error type is a member of the
/// mutation's union <typeparamref name="TUnion"/> lands in <c>errors</c>; <see cref="AccessDeniedException"/> becomes an
/// AUTH_NOT_AUTHORIZED field error; anything else is a bug and propagates.
/// </summary>
public static class MutationErrors<TUnion> where TUnion : UnionGraphType, new()
{
    private static readonly ConcurrentDictionary<Type, bool> _members = new();
    private static readonly HashSet<Type> _accepted = [.. new TUnion().Types.Select(ExceptionTypeOf).OfType<Type>()];

    public static async Task<MutationPayload> RunAsync(IResolveFieldContext context, Func<Task<int>> mutation)
    {
        try
        {
            return new MutationPayload(await mutation(), null);
        }
        catch (DomainException exception) when (Accepts(exception.GetType()))
        {
            return new MutationPayload(null, [exception]);
        }
        catch (AccessDeniedException)
        {
            throw AuthorizationErrors.NotAuthorized(context.Path);
        }
    }

    private static bool Accepts(Type exceptionType) => _members.GetOrAdd(exceptionType, _accepted.Contains);

    private static Type? ExceptionTypeOf(Type graphType)
    {
        for (var type = graphType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ErrorObjectType<>))
            {
                return type.GetGenericArguments()[0];
            }
        }
        return null;
    }
}
