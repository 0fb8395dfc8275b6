namespace Gateway.DataLoader.Tests;

public sealed class BatchingTests
{
    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Sibling_fields_load_their_parents_in_one_batch_of_distinct_keys(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        var result = await host.ExecuteAsync("{ products { id category { id name } } }");

        Assert.Equal(
            """{"data":{"products":[{"id":1,"category":{"id":4,"name":"Novels"}},{"id":2,"category":{"id":4,"name":"Novels"}},{"id":3,"category":{"id":5,"name":"Puzzles"}},{"id":4,"category":{"id":5,"name":"Puzzles"}},{"id":5,"category":null}]}}""",
            TestHost.ToJson(result));
        var call = Assert.Single(host.Log.CallsOf("CategoryByIdLoader"));
        Assert.Equal([4, 5, 99], call.Keys.Order());
    }

    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Group_loader_returns_each_keys_list_and_an_empty_list_for_a_key_without_items(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        var result = await host.ExecuteAsync("{ products { id reviews { id rating } reviewCount } }");

        Assert.Equal(
            """{"data":{"products":[{"id":1,"reviews":[{"id":1,"rating":5},{"id":2,"rating":4}],"reviewCount":2},{"id":2,"reviews":[],"reviewCount":0},{"id":3,"reviews":[{"id":3,"rating":3}],"reviewCount":1},{"id":4,"reviews":[],"reviewCount":0},{"id":5,"reviews":[],"reviewCount":0}]}}""",
            TestHost.ToJson(result));
        var call = Assert.Single(host.Log.CallsOf("ReviewsByProductIdLoader"));
        Assert.Equal([1, 2, 3, 4, 5], call.Keys.Order());
    }

    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Nested_levels_make_one_batch_call_per_level(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        var result = await host.ExecuteAsync("{ products { category { parent { name parent { name } } } } }");

        Assert.Null(result.Errors);
        var calls = host.Log.CallsOf("CategoryByIdLoader");
        Assert.Equal(3, calls.Count);
        Assert.Equal([4, 5, 99], calls[0].Keys.Order());
        Assert.Equal([2, 3], calls[1].Keys.Order());
        Assert.Equal([1], calls[2].Keys);
    }

    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Loads_through_two_loaders_batch_per_loader_and_level(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        var result = await host.ExecuteAsync("{ products { reviews { author { name } } } }");

        Assert.Equal(
            """{"data":{"products":[{"reviews":[{"author":{"name":"Ada"}},{"author":{"name":"Grace"}}]},{"reviews":[]},{"reviews":[{"author":{"name":"Ada"}}]},{"reviews":[]},{"reviews":[]}]}}""",
            TestHost.ToJson(result));
        Assert.Single(host.Log.CallsOf("ReviewsByProductIdLoader"));
        var authors = Assert.Single(host.Log.CallsOf("AuthorByIdLoader"));
        Assert.Equal([1, 2], authors.Keys.Order());
    }

    [Fact]
    public async Task A_null_key_loads_null_without_calling_the_batch_function()
    {
        await using var host = new TestHost();

        var result = await host.ExecuteAsync("{ categories(ids: [1]) { name parent { id } } }");

        Assert.Equal("""{"data":{"categories":[{"name":"Everything","parent":null}]}}""", TestHost.ToJson(result));
        var call = Assert.Single(host.Log.CallsOf("CategoryByIdLoader"));
        Assert.Equal([1], call.Keys);
    }

    [Fact]
    public async Task Load_many_returns_values_in_key_order_with_null_for_missing_keys()
    {
        await using var host = new TestHost();

        var result = await host.ExecuteAsync("{ categories(ids: [3, 42, 1, 3]) { id name } }");

        Assert.Equal(
            """{"data":{"categories":[{"id":3,"name":"Games"},null,{"id":1,"name":"Everything"},{"id":3,"name":"Games"}]}}""",
            TestHost.ToJson(result));
        var call = Assert.Single(host.Log.CallsOf("CategoryByIdLoader"));
        Assert.Equal([3, 42, 1], call.Keys);
    }

    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Max_batch_size_splits_a_level_into_several_calls(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        var result = await host.ExecuteAsync("{ products { smallBatchCategory { name } } }");

        Assert.Equal(
            """{"data":{"products":[{"smallBatchCategory":{"name":"Novels"}},{"smallBatchCategory":{"name":"Novels"}},{"smallBatchCategory":{"name":"Puzzles"}},{"smallBatchCategory":{"name":"Puzzles"}},{"smallBatchCategory":null}]}}""",
            TestHost.ToJson(result));
        var calls = host.Log.CallsOf("SmallBatchCategoryLoader");
        Assert.Equal([2, 1], calls.Select(call => call.Keys.Count));
        Assert.Equal([4, 5, 99], calls.SelectMany(call => call.Keys).Order());
    }

    [Fact]
    public async Task Max_batch_size_splits_many_keys_into_calls_of_at_most_that_size()
    {
        var log = new Model.BatchLog();
        var loader = new Loaders.SmallBatchCategoryLoader(log);

        var categories = await loader.LoadManyAsync([1, 2, 3, 4, 5]).GetResultAsync();

        Assert.Equal([1, 2, 3, 4, 5], categories.Select(category => category!.Id));
        Assert.Equal([[1, 2], [3, 4], [5]], log.CallsOf("SmallBatchCategoryLoader").Select(call => call.Keys));
    }

    [Fact]
    public void A_max_batch_size_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ZeroBatchLoader());
    }

    private sealed class ZeroBatchLoader() : BatchDataLoader<int, string>(new DataLoaderOptions { MaxBatchSize = 0 })
    {
        protected override Task<IReadOnlyDictionary<int, string>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
            => throw new NotSupportedException();
    }
}
