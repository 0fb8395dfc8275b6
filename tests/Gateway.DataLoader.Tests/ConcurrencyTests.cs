using Gateway.DataLoader.Tests.Loaders;
using Gateway.DataLoader.Tests.Model;
using GraphQL.DataLoader;

namespace Gateway.DataLoader.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Loads_from_parallel_resolvers_on_thread_pool_threads_share_one_batch()
    {
        await using var host = new TestHost(Strategy.Parallel);

        var result = await host.ExecuteAsync("{ products { categoryFromThreadPool { name } } more: products { categoryFromThreadPool { id } } }");

        Assert.Null(result.Errors);
        Assert.Contains("""{"categoryFromThreadPool":{"name":"Puzzles"}}""", TestHost.ToJson(result));
        var call = Assert.Single(host.Log.CallsOf("CategoryByIdLoader"));
        Assert.Equal([4, 5, 99], call.Keys.Order());
    }

    [Fact]
    public async Task Concurrent_loads_then_concurrent_awaits_make_one_batch_of_distinct_keys()
    {
        var log = new BatchLog();
        var loader = new CategoryByIdLoader(log);
        var pending = new IDataLoaderResult<Category?>[2_000];

        Parallel.For(0, pending.Length, i => pending[i] = loader.LoadAsync(i % 7));
        var values = await Task.WhenAll(pending.Select(result => Task.Run(() => result.GetResultAsync())))
            .WaitAsync(TimeSpan.FromSeconds(10));

        var call = Assert.Single(log.CallsOf("CategoryByIdLoader"));
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], call.Keys.Order());
        Assert.All(Enumerable.Range(0, pending.Length), i => Assert.Equal(i % 7 is >= 1 and <= 5 ? i % 7 : null, values[i]?.Id));
    }

    [Fact]
    public async Task Interleaved_loads_and_dispatches_on_many_threads_fetch_every_key_exactly_once()
    {
        var log = new BatchLog();
        var loader = new CategoryByIdLoader(log);
        var tasks = new Task<Category?>[2_000];

        Parallel.For(0, tasks.Length, i => tasks[i] = loader.LoadAsync(i % 50).GetResultAsync());
        var values = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));

        var fetched = log.CallsOf("CategoryByIdLoader").SelectMany(call => call.Keys).ToList();
        Assert.Equal(Enumerable.Range(0, 50), fetched.Order());
        Assert.All(Enumerable.Range(0, tasks.Length), i => Assert.Equal(i % 50 is >= 1 and <= 5 ? i % 50 : null, values[i]?.Id));
    }
}
