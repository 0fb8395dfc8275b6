using Gateway.DataLoader.Tests.Loaders;
using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests;

public sealed class CachingTests
{
    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Keys_loaded_earlier_in_the_request_are_not_fetched_again(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        // The root loads categories 2 and 4 on the same level as the products' categories; on the next level
        // the parents are 2 (cached) and 3 (new).
        var result = await host.ExecuteAsync("{ categories(ids: [2, 4]) { id } products { category { parent { name } } } }");

        Assert.Null(result.Errors);
        var calls = host.Log.CallsOf("CategoryByIdLoader");
        Assert.Equal(2, calls.Count);
        Assert.Equal([2, 4, 5, 99], calls[0].Keys.Order());
        Assert.Equal([3], calls[1].Keys);
    }

    [Fact]
    public async Task Operations_in_the_same_request_share_the_cache()
    {
        await using var host = new TestHost();
        await using var request = host.NewRequest();

        var first = await host.ExecuteAsync(request, "{ products { category { name } } }");
        var second = await host.ExecuteAsync(request, "{ products { category { name } } }");

        Assert.Equal(TestHost.ToJson(first), TestHost.ToJson(second));
        Assert.Single(host.Log.CallsOf("CategoryByIdLoader"));
    }

    [Fact]
    public async Task Requests_do_not_share_a_cache()
    {
        await using var host = new TestHost();

        await host.ExecuteAsync("{ products { category { name } } }");
        await host.ExecuteAsync("{ products { category { name } } }");

        var calls = host.Log.CallsOf("CategoryByIdLoader");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.Equal([4, 5, 99], call.Keys.Order()));
    }

    [Fact]
    public async Task Clear_makes_the_next_load_fetch_again()
    {
        var log = new BatchLog();
        var loader = new CategoryByIdLoader(log);

        var before = await loader.LoadAsync(4).GetResultAsync();
        Assert.Same(before, await loader.LoadAsync(4).GetResultAsync());
        loader.Clear();
        var after = await loader.LoadAsync(4).GetResultAsync();

        Assert.Equal(before, after);
        Assert.Equal(2, log.CallsOf("CategoryByIdLoader").Count);
    }

    [Fact]
    public void Loading_a_key_twice_returns_the_same_pending_result()
    {
        var loader = new CategoryByIdLoader(new BatchLog());

        Assert.Same(loader.LoadAsync(4), loader.LoadAsync(4));
        Assert.NotSame(loader.LoadAsync(4), loader.LoadAsync(5));
    }
}
