using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.Tests.Mutations;

/// <summary>The library with <see cref="LibraryMutations"/> and <see cref="LibrarySubscriptions"/> registered, on a database of its own (the tests write to it).</summary>
public class MutationFixture : LibraryFixture
{
    public MutationFixture()
        : this(onPostgreSql: false)
    {
    }

    /// <summary>On PostgreSQL: see <see cref="PostgreSqlMutationFixture"/>.</summary>
    protected MutationFixture(bool onPostgreSql)
        : base(onPostgreSql)
    {
    }

    protected override void AddServices(IServiceCollection services) =>
        services.AddMutationFields<LibraryMutations>().AddSubscriptionFields<LibrarySubscriptions>();

    protected override bool ShowsServerErrors => false;
}
