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
}
