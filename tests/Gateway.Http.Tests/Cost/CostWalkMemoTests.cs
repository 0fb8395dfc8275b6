using Gateway.Http.Cost;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace Gateway.Http.Tests.Cost;

/// <summary>
/// The cost walk of a cached document runs once per set of values of the variables that can change it (Int: slicing
/// arguments; Boolean: @skip/@include), and again for anything else only when those values differ.
/// </summary>
public sealed class CostWalkMemoTests
{
    private const string Query =
        "query Page($n: Int!, $withName: Boolean, $id: ID!, $country: String) { a(first: $n) { b @include(if: $withName) c(id: $id, country: $country) } }";

    private readonly GraphQLDocument _document = Parser.Parse(Query);
    private readonly CostWalkMemo<int> _memo = new();
    private int _walks;

    [Fact]
    public async Task The_same_cost_relevant_values_walk_once_whatever_the_other_variables()
    {
        var first = await CostAsync(_document, ("n", 5), ("withName", true), ("id", "UHJvZHVjdDox"), ("country", "DE"));
        var otherProduct = await CostAsync(_document, ("n", 5), ("withName", true), ("id", "UHJvZHVjdDoy"), ("country", "FR"));

        Assert.Equal(1, _walks);
        Assert.Equal(first, otherProduct);
    }

    [Fact]
    public async Task Another_slice_size_or_directive_condition_walks_again()
    {
        await CostAsync(_document, ("n", 5), ("withName", true), ("id", "x"));
        await CostAsync(_document, ("n", 6), ("withName", true), ("id", "x"));
        await CostAsync(_document, ("n", 5), ("withName", false), ("id", "x"));
        await CostAsync(_document, ("n", 5), ("withName", null), ("id", "x"));
        await CostAsync(_document, ("n", 6), ("withName", true), ("id", "y"));

        Assert.Equal(4, _walks);
    }

    [Fact]
    public async Task Another_parse_of_the_same_text_is_another_document()
    {
        await CostAsync(_document, ("n", 5), ("id", "x"));
        await CostAsync(Parser.Parse(Query), ("n", 5), ("id", "x"));

        Assert.Equal(2, _walks);
    }

    [Fact]
    public async Task Beyond_the_bound_the_walk_runs_every_time_and_the_remembered_sets_stay_right()
    {
        var sets = CostWalkMemo<int>.MaxValueSetsPerOperation;
        for (var n = 1; n <= sets + 10; n++)
        {
            Assert.Equal(n * 100, await CostAsync(_document, ("n", n), ("id", "x")));
        }

        var walksSoFar = _walks;
        Assert.Equal(sets + 10, walksSoFar);
        Assert.Equal(100, await CostAsync(_document, ("n", 1), ("id", "x")));
        Assert.Equal((sets + 5) * 100, await CostAsync(_document, ("n", sets + 5), ("id", "x")));
        Assert.Equal(walksSoFar + 1, _walks);
    }

    /// <summary>A walk whose result is 100 times the slice size, counted.</summary>
    private ValueTask<int> CostAsync(GraphQLDocument document, params (string Name, object? Value)[] values)
    {
        var variables = new Inputs(values.ToDictionary(v => v.Name, v => v.Value));
        var context = new ValidationContext { Document = document, Operation = (GraphQLOperationDefinition)document.Definitions[0], Variables = variables };
        return _memo.GetOrWalkAsync(context, context =>
        {
            _walks++;
            return ValueTask.FromResult(100 * (int)context.Variables["n"]!);
        });
    }
}
