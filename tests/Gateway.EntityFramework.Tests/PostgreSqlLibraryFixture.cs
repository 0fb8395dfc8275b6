using Gateway.EntityFramework.Tests.Mutations;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// The library in a database of its own on the test run's PostgreSQL cluster, where the engine's Auto strategy
/// navigates references inside nested pages (LATERAL joins) instead of correlating them as on SQLite.
/// </summary>
public sealed class PostgreSqlLibraryFixture() : LibraryFixture(onPostgreSql: true);

/// <summary>The mutation tests' library (<see cref="MutationFixture"/>) on PostgreSQL.</summary>
public sealed class PostgreSqlMutationFixture() : MutationFixture(onPostgreSql: true);
