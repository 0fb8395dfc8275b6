namespace Gateway.DataLoader.Tests;

public sealed class ProjectionTests
{
    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Loads_with_different_shapes_get_a_batch_each(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        var result = await host.ExecuteAsync(
            "{ full: products { projectedCategory { id name } } ids: products { projectedCategory { id } } }");

        Assert.Null(result.Errors);
        var calls = host.Log.CallsOf("ProjectedCategoryLoader");
        Assert.Equal(2, calls.Count);
        Assert.Equal(
            [SelectionShape.Of("id"), SelectionShape.Of("id", "name")],
            calls.Select(call => (SelectionShape)call.Shape!).OrderBy(shape => shape.Fields.Count));
        Assert.All(calls, call => Assert.Equal([4, 5, 99], call.Keys.Order()));
    }

    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Loads_with_equal_shapes_share_one_batch_and_read_only_the_selected_fields(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        // Field order, aliases and __typename do not change the shape.
        var result = await host.ExecuteAsync(
            "{ a: products { projectedCategory { id name } } b: products { projectedCategory { title: name id __typename } } }");

        Assert.Null(result.Errors);
        var call = Assert.Single(host.Log.CallsOf("ProjectedCategoryLoader"));
        Assert.Equal(SelectionShape.Of("id", "name"), call.Shape);
        Assert.Equal([4, 5, 99], call.Keys.Order());
        Assert.Contains("""{"projectedCategory":{"title":"Novels","id":4,"__typename":"Category"}}""", TestHost.ToJson(result));
    }

    [Fact]
    public async Task A_shape_that_leaves_a_field_out_is_read_without_it()
    {
        await using var host = new TestHost();

        var result = await host.ExecuteAsync("{ products { projectedCategory { id parentId } } }");

        Assert.Equal(
            """{"data":{"products":[{"projectedCategory":{"id":4,"parentId":2}},{"projectedCategory":{"id":4,"parentId":2}},{"projectedCategory":{"id":5,"parentId":3}},{"projectedCategory":{"id":5,"parentId":3}},{"projectedCategory":null}]}}""",
            TestHost.ToJson(result));
        Assert.Equal(SelectionShape.Of("id", "parentId"), Assert.Single(host.Log.CallsOf("ProjectedCategoryLoader")).Shape);
    }

    [Fact]
    public async Task Group_loaders_batch_by_shape_too()
    {
        await using var host = new TestHost();

        var result = await host.ExecuteAsync(
            "{ a: products { projectedReviews { id } } b: products { projectedReviews { id rating } } c: products { projectedReviews { rating id } } }");

        Assert.Null(result.Errors);
        var calls = host.Log.CallsOf("ProjectedReviewsLoader");
        Assert.Equal(["id", "id,rating"], calls.Select(call => (string)call.Shape!).Order());
        Assert.Contains("""{"projectedReviews":[{"id":1,"rating":5},{"id":2,"rating":4}]}""", TestHost.ToJson(result));
    }
}
