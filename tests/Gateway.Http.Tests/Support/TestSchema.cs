using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Http.Tests.Support;

/// <summary>
/// The transport's own small schema: a few fields, a mutation, an erroring field and fields that show what the
/// transport passed into execution (user, request services, user context, cancellation).
/// </summary>
public sealed class TestSchema : Schema
{
    public TestSchema(IServiceProvider services)
        : base(services)
    {
        Query = new TestQuery();
        Mutation = new TestMutation();
    }
}

internal sealed class TestQuery : ObjectGraphType
{
    public TestQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<StringGraphType>>("hello")
            .Argument<StringGraphType>("name")
            .Resolve(context => $"Hello, {context.GetArgument("name", "world")}!");
        Field<NonNullGraphType<IntGraphType>>("add")
            .Argument<NonNullGraphType<IntGraphType>>("a")
            .Argument<NonNullGraphType<IntGraphType>>("b")
            .Resolve(context => context.GetArgument<int>("a") + context.GetArgument<int>("b"));
        Field<StringGraphType>("fail")
            .Resolve(_ => throw new InvalidOperationException("Sensitive detail: the connection string is Server=db;Password=hunter2"));
        Field<StringGraphType>("forbidden")
            .Resolve(_ => throw new ExecutionError("You may not read this field.") { Code = "FORBIDDEN" });
        Field<StringGraphType>("whoami")
            .Resolve(context => context.User?.Identity?.Name);
        Field<StringGraphType>("scopeId")
            .Resolve(context => context.RequestServices!.GetRequiredService<RequestScopeMarker>().Id);
        Field<StringGraphType>("tenant")
            .Resolve(context => context.UserContext.TryGetValue("tenant", out var tenant) ? tenant?.ToString() : null);
        Field<IntGraphType>("counter")
            .Resolve(context => context.RequestServices!.GetRequiredService<Counter>().Value);
        Field<StringGraphType>("slow")
            .ResolveAsync(async context =>
            {
                var probe = context.RequestServices!.GetRequiredService<CancellationProbe>();
                probe.Started.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    probe.Cancelled.TrySetResult();
                    throw;
                }

                return "never";
            });
    }
}

internal sealed class TestMutation : ObjectGraphType
{
    public TestMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<IntGraphType>>("increment")
            .Argument<IntGraphType>("by")
            .Resolve(context => context.RequestServices!.GetRequiredService<Counter>().Add(context.GetArgument("by", 1)));
    }
}

/// <summary>Application state the mutation changes.</summary>
public sealed class Counter
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public int Add(int by) => Interlocked.Add(ref _value, by);
}

/// <summary>A scoped service: equal ids mean the same request scope.</summary>
public sealed class RequestScopeMarker
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}

/// <summary>Lets a test see that the <c>slow</c> field started and that its cancellation token fired.</summary>
public sealed class CancellationProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
