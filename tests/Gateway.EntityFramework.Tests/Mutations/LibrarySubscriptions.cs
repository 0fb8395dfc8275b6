using Gateway.EntityFramework.RootTypes;
using Gateway.EntityFramework.Tests.Model;
using GraphQL;
using GraphQL.Types;

namespace Gateway.EntityFramework.Tests.Mutations;

/// <summary>A module's subscription field: the first book of the library, announced once, loaded through the engine.</summary>
public sealed class LibrarySubscriptions : SubscriptionFields
{
    public LibrarySubscriptions() =>
        Field("firstBookAnnounced", new NonNullGraphType(new GraphQLTypeReference("Book")))
            .Description("Announces the first book once.")
            .ResolveStream(_ => new Once<object?>(1))
            .ResolveAsync(async context => await context.LoadEntityAsync<Book>((int)context.Source!));

    /// <summary>One value, then completion.</summary>
    private sealed class Once<T>(T value) : IObservable<T>
    {
        public IDisposable Subscribe(IObserver<T> observer)
        {
            observer.OnNext(value);
            observer.OnCompleted();
            return new Unsubscriber();
        }

        private sealed class Unsubscriber : IDisposable
        {
            public void Dispose()
            {
            }
        }
    }
}
