using Gateway.Messaging;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Http.Tests.WebSockets.Infrastructure;

/// <summary>A message of the test feed: what <c>post</c> publishes and <c>onPost</c> streams.</summary>
public sealed record Post(int Id, string Text, string? Author);

/// <summary>A scoped service whose identity shows which DI scope resolved a field.</summary>
public sealed class ScopeMarker
{
    public string Id { get; } = Guid.NewGuid().ToString("N");
}

/// <summary>The small schema the WebSocket tests run against; knows nothing of the storefront.</summary>
public sealed class TestSchema : Schema
{
    public const string PostsTopic = "posts";

    public TestSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<TestQuery>();
        Mutation = services.GetRequiredService<TestMutation>();
        Subscription = services.GetRequiredService<TestSubscription>();
    }
}

public sealed class PostType : ObjectGraphType<Post>
{
    public PostType()
    {
        Name = "Post";
        Field(p => p.Id);
        Field(p => p.Text);
        Field(p => p.Author, nullable: true);

        // Resolved per event, so it shows the principal that subscription events run as.
        Field<StringGraphType>("seenBy").Resolve(ctx => ctx.User?.Identity?.Name);
        Field<StringGraphType>("scopeId").Resolve(ctx => ctx.RequestServices!.GetRequiredService<ScopeMarker>().Id);
    }
}

public sealed class TestQuery : ObjectGraphType
{
    public TestQuery()
    {
        Name = "Query";
        Field<StringGraphType>("hello").Resolve(_ => "world");
        Field<StringGraphType>("me").Resolve(ctx => ctx.User?.Identity?.Name);
        Field<StringGraphType>("scopeId").Resolve(ctx => ctx.RequestServices!.GetRequiredService<ScopeMarker>().Id);
        Field<StringGraphType>("marker").Resolve(ctx => ctx.UserContext.TryGetValue("marker", out var marker) ? marker as string : null);
        Field<IntGraphType>("postSubscribers")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<InMemoryTopicEventBus>().SubscriberCount(TestSchema.PostsTopic));
        Field<StringGraphType>("wait")
            .ResolveAsync(async ctx =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ctx.CancellationToken);
                return "never";
            });
    }
}

public sealed class TestMutation : ObjectGraphType
{
    private static int s_lastId;

    public TestMutation()
    {
        Name = "Mutation";
        Field<NonNullGraphType<PostType>>("post")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .ResolveAsync(async ctx =>
            {
                var post = new Post(Interlocked.Increment(ref s_lastId), ctx.GetArgument<string>("text"), ctx.User?.Identity?.Name);
                await ctx.RequestServices!.GetRequiredService<ITopicEventBus>().PublishAsync(TestSchema.PostsTopic, post, ctx.CancellationToken);
                return post;
            });
    }
}

public sealed class TestSubscription : ObjectGraphType
{
    public TestSubscription()
    {
        Name = "Subscription";
        Field<NonNullGraphType<PostType>>("onPost")
            .ResolveStream(ctx => ctx.RequestServices!.GetRequiredService<ITopicEventBus>().Subscribe<Post>(TestSchema.PostsTopic));
        Field<PostType>("failingStream").ResolveStream(_ => new FailingObservable<Post>());
        Field<PostType>("failingResolver").ResolveStream(IObservable<object?> (_) => throw new InvalidOperationException("no stream for you"));
        Field<PostType>("finiteStream").ResolveStream(_ => new FiniteObservable<Post>(new Post(1, "only", null)));
    }
}

/// <summary>A source stream that fails as soon as it is subscribed.</summary>
public sealed class FailingObservable<T> : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        observer.OnError(new InvalidOperationException("source failed"));
        return new NoopDisposable();
    }
}

/// <summary>A source stream that emits its items and completes.</summary>
public sealed class FiniteObservable<T>(params T[] items) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        foreach (var item in items)
        {
            observer.OnNext(item);
        }

        observer.OnCompleted();
        return new NoopDisposable();
    }
}

internal sealed class NoopDisposable : IDisposable
{
    public void Dispose()
    {
    }
}
