namespace Gateway.Testing.PostgreSql;

/// <summary>
/// A test class that runs on PostgreSQL (named …OnPostgreSql, marked <see cref="IRunsOnPostgreSql"/>, or given a
/// PostgreSQL fixture) must be marked <see cref="IRunsOnPostgreSql"/> and have only <see cref="StoreFactAttribute"/>
/// and <see cref="StoreTheoryAttribute"/> tests: a plain fact there runs where PostgreSQL is missing, on the
/// fixture's SQLite stand-in, and passes under a PostgreSQL name.
/// </summary>
public sealed class StoreAttributeGuardTests
{
    private static readonly List<Type> s_postgreSqlClasses = TestAttributeGuard.Classes(typeof(StoreAttributeGuardTests).Assembly, type =>
        type.Name.EndsWith("OnPostgreSql", StringComparison.Ordinal)
        || typeof(IRunsOnPostgreSql).IsAssignableFrom(type)
        || TestAttributeGuard.Uses(type).Any(used => used.Name.StartsWith("PostgreSql", StringComparison.Ordinal) && used != typeof(PostgreSqlServer)));

    [Fact]
    public void Every_test_of_a_class_that_runs_on_postgresql_is_a_store_fact_or_theory()
    {
        Assert.NotEmpty(s_postgreSqlClasses);
        var offenders = TestAttributeGuard.Offenders(s_postgreSqlClasses, fact => fact is StoreFactAttribute or StoreTheoryAttribute);
        Assert.True(offenders.Count == 0, "Plain facts or theories on PostgreSQL (use [StoreFact]/[StoreTheory]):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Every_class_that_runs_on_postgresql_is_marked_so_that_its_tests_skip_without_it()
    {
        var unmarked = s_postgreSqlClasses.Where(t => !typeof(IRunsOnPostgreSql).IsAssignableFrom(t)).Select(t => t.Name).ToList();
        Assert.True(unmarked.Count == 0, "Classes on PostgreSQL without IRunsOnPostgreSql:\n" + string.Join('\n', unmarked));
    }
}
