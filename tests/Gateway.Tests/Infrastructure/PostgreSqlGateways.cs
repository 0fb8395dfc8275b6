using Gateway.Store;
using Gateway.Tests.Budgets;
using Gateway.Tests.Mutations;

namespace Gateway.Tests.Infrastructure;

// The test stores on PostgreSQL: each a database of its own in the run's shared cluster. A suite runs on both
// providers by a subclass of its SQLite test class taking one of these (and marked IRunsOnPostgreSql).

public sealed class PostgreSqlGatewayFactory : GatewayFactory
{
    public override StoreProvider Provider => StoreProvider.PostgreSql;
}

public sealed class PostgreSqlCountingGatewayFactory : CountingGatewayFactory
{
    public override StoreProvider Provider => StoreProvider.PostgreSql;
}

public sealed class PostgreSqlMutationStore : MutationStore
{
    public override StoreProvider Provider => StoreProvider.PostgreSql;
}
