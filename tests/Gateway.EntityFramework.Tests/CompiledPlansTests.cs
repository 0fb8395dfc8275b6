using System.Text.Json;
using Gateway.Testing.PostgreSql;

namespace Gateway.EntityFramework.Tests;

/// <summary>The library with every query handed to EF Core as a tree on each request: the path without compiled plans.</summary>
public class UsualPathFixture : LibraryFixture
{
    public UsualPathFixture()
    {
    }

    protected UsualPathFixture(bool onPostgreSql)
        : base(onPostgreSql)
    {
    }

    protected override void Configure(EntityFrameworkOptions options)
    {
        base.Configure(options);
        options.CompiledPlans = false;
    }
}

/// <summary>
/// Compiled plans (on by default) run each query shape as one EF Core compiled query with the request's values: the
/// answers and statements must be the usual path's, whatever values come one after another into the same shape
/// (page sizes, filter operands, keys of a batch, a captured variable of a computed list, cursors).
/// </summary>
public partial class CompiledPlansTests(LibraryFixture plans, UsualPathFixture usual) : IClassFixture<LibraryFixture>, IClassFixture<UsualPathFixture>
{
    private const string Shape = """
        query($first: Int!, $max: Decimal, $stars: Int, $isbns: [String!], $after: String, $related: Int) {
          books(first: $first, after: $after, where: { price: { lt: $max }, isbn: { in: $isbns } }, order: [{ price: DESC }, { id: ASC }]) {
            pageInfo { hasNextPage endCursor }
            nodes {
              isbn title price stats { average count }
              author { name publisher { name } }
              reviews(first: 2, where: { stars: { gte: $stars } }, order: [{ createdAt: DESC }]) { totalCount nodes { stars reviewer { name } } }
              sameAuthor(first: $related) { title }
            }
          }
        }
        """;

    public static TheoryData<int, decimal?, int?, string[]?, int> Values => new()
    {
        { 3, null, null, null, 1 },
        { 3, 20m, 4, null, 2 },
        { 5, 12.99m, 1, null, 0 },
        { 2, null, 5, ["ISBN-001", "ISBN-004", "ISBN-007"], 3 },
        { 10, 100m, null, ["ISBN-002"], 1 },
    };

    [StoreTheory]
    [MemberData(nameof(Values))]
    public async Task Each_request_s_values_give_the_usual_paths_answer_and_statements(int first, decimal? max, int? stars, string[]? isbns, int related)
    {
        var variables = new { first, max, stars, isbns, related };

        var planned = (await plans.ExecuteAsync(Shape, variables)).AssertNoErrors();
        var expected = (await usual.ExecuteAsync(Shape, variables)).AssertNoErrors();

        Assert.Equal(Json(expected.Data), Json(planned.Data));
        // The same statements; only the parameters' names differ (a compiled query names them after its own parameters).
        Assert.Equal(expected.Sql.Statements.Count, planned.Sql.Statements.Count);
        for (var i = 0; i < expected.Sql.Statements.Count; i++) Assert.Equal(WithoutParameterNames(expected.Sql.Statements[i]), WithoutParameterNames(planned.Sql.Statements[i]));
    }

    [StoreFact]
    public async Task One_shape_asked_again_with_other_values_answers_for_those_values()
    {
        var answers = new List<string>();
        string? after = null;
        foreach (var (first, max) in new (int, decimal?)[] { (2, null), (2, 15m), (4, null), (2, null) })
        {
            var variables = new { first, max, stars = (int?)null, isbns = (string[]?)null, after, related = first - 1 };
            var planned = (await plans.ExecuteAsync(Shape, variables)).AssertNoErrors();
            var expected = (await usual.ExecuteAsync(Shape, variables)).AssertNoErrors();
            Assert.Equal(Json(expected.Data), Json(planned.Data));
            answers.Add(Json(planned.Data));
            // the next page of the same shape: a cursor is one more value
            after = planned.Data.GetProperty("books").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(answers.Count, answers.Distinct().Count());
    }

    private static string Json(JsonElement data) => data.GetRawText();

    // A compiled query writes a page size it was built with as a literal where the usual path sends a parameter.
    private static string WithoutParameterNames(string sql) => ParameterName().Replace(sql, "@p");

    [System.Text.RegularExpressions.GeneratedRegex(@"@\w+|(?<=LIMIT )\d+|(?<=OFFSET )\d+|(?<= <= )\d+(?=\n)")]
    private static partial System.Text.RegularExpressions.Regex ParameterName();
}

public sealed partial class CompiledPlansTestsOnPostgreSql(PostgreSqlLibraryFixture plans, UsualPathOnPostgreSqlFixture usual)
    : CompiledPlansTests(plans, usual), IClassFixture<PostgreSqlLibraryFixture>, IClassFixture<UsualPathOnPostgreSqlFixture>, IRunsOnPostgreSql;

/// <summary>The PostgreSQL library without compiled plans.</summary>
public sealed class UsualPathOnPostgreSqlFixture() : UsualPathFixture(onPostgreSql: true);
