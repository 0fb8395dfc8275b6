using Gateway.DataLoader.Tests.Loaders;
using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests;

public sealed class ChainingTests
{
    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Then_transforms_a_loaded_value_without_an_extra_batch(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        var result = await host.ExecuteAsync("{ products { categoryName category { id } } }");

        Assert.Contains("""{"categoryName":"NOVELS","category":{"id":4}}""", TestHost.ToJson(result));
        Assert.Contains("""{"categoryName":null,"category":null}""", TestHost.ToJson(result));
        Assert.Single(host.Log.CallsOf("CategoryByIdLoader"));
    }

    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Then_with_a_second_load_batches_the_second_loads_of_all_fields_together(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        var result = await host.ExecuteAsync("{ products { parentCategory { name } } }");

        Assert.Equal(
            """{"data":{"products":[{"parentCategory":{"name":"Books"}},{"parentCategory":{"name":"Books"}},{"parentCategory":{"name":"Games"}},{"parentCategory":{"name":"Games"}},{"parentCategory":null}]}}""",
            TestHost.ToJson(result));
        var calls = host.Log.CallsOf("CategoryByIdLoader");
        Assert.Equal(2, calls.Count);
        Assert.Equal([4, 5, 99], calls[0].Keys.Order());
        Assert.Equal([2, 3], calls[1].Keys.Order());
    }

    [Fact]
    public async Task Awaiting_a_chained_load_directly_yields_the_second_value()
    {
        var loader = new CategoryByIdLoader(new BatchLog());

        var parent = await loader.LoadAsync(4)
            .Then(category => loader.LoadAsync(category?.ParentId))
            .GetResultAsync();
        var nameLength = await loader.LoadAsync(5)
            .Then(async (category, cancellationToken) =>
            {
                await Task.Delay(1, cancellationToken);
                return category!.Name!.Length;
            })
            .GetResultAsync();

        Assert.Equal("Books", parent!.Name);
        Assert.Equal("Puzzles".Length, nameLength);
    }

    [Fact]
    public async Task A_transformation_runs_once_however_often_its_result_is_awaited()
    {
        var loader = new CategoryByIdLoader(new BatchLog());
        var runs = 0;
        var chained = loader.LoadAsync(4).Then(category => Interlocked.Increment(ref runs));

        await chained.GetResultAsync();
        await chained.GetResultAsync();

        Assert.Equal(1, runs);
    }
}
