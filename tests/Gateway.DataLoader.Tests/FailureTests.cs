using Gateway.DataLoader.Tests.Model;
using GraphQL;

namespace Gateway.DataLoader.Tests;

public sealed class FailureTests
{
    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task A_failing_batch_fails_every_field_that_waited_on_it_and_only_those(Strategy strategy)
    {
        await using var host = new TestHost(strategy);
        host.Faults.FailNext(1);

        var result = await host.ExecuteAsync("{ products { id flakyCategory { id } category { id } } }");

        var errors = result.Errors!.ToList();
        Assert.Equal(
            Enumerable.Range(0, 5).Select(i => $"products.{i}.flakyCategory"),
            errors.Select(error => string.Join('.', error.Path!)).Order());
        Assert.All(errors, error => Assert.IsType<CatalogUnavailableException>(error.InnerException));
        Assert.Contains("""{"id":1,"flakyCategory":null,"category":{"id":4}}""", TestHost.ToJson(result));
    }

    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task A_GraphQL_error_thrown_by_a_batch_is_reported_once_per_field_with_that_fields_path(Strategy strategy)
    {
        await using var host = new TestHost(strategy);

        // Products 1 and 2 share category 4, so they await the very same load.
        var result = await host.ExecuteAsync("{ products { unavailableCategory { id } unavailableCategoryName } }");

        var errors = result.Errors!.ToList();
        Assert.Equal(
            Enumerable.Range(0, 5).SelectMany(i => new[] { $"products.{i}.unavailableCategory", $"products.{i}.unavailableCategoryName" }).Order(),
            errors.Select(error => string.Join('.', error.Path!)).Order());
        Assert.All(errors, error =>
        {
            Assert.Equal("The category service is down.", error.Message);
            Assert.Equal("CATEGORY_DOWN", error.Code);
            Assert.Single(error.Locations!);
        });
        Assert.Equal(errors.Count, errors.Distinct().Count());
    }

    [Fact]
    public async Task A_failed_batch_is_not_cached_so_the_next_load_retries()
    {
        await using var host = new TestHost();
        await using var request = host.NewRequest();
        host.Faults.FailNext(1);

        var failed = await host.ExecuteAsync(request, "{ products { flakyCategory { name } } }");
        var retried = await host.ExecuteAsync(request, "{ products { flakyCategory { name } } }");

        Assert.Equal(5, failed.Errors!.Count);
        Assert.Null(retried.Errors);
        Assert.Contains("""{"flakyCategory":{"name":"Novels"}}""", TestHost.ToJson(retried));
        Assert.Equal(2, host.Log.CallsOf("FlakyCategoryLoader").Count);
    }

    [Fact]
    public async Task Awaiting_a_failed_load_directly_throws_the_batch_exception()
    {
        var faults = new FaultSwitch();
        faults.FailNext(1);
        var loader = new Loaders.FlakyCategoryLoader(new BatchLog(), faults);
        var first = loader.LoadAsync(4);
        var second = loader.LoadAsync(5);

        var exception = await Assert.ThrowsAsync<CatalogUnavailableException>(() => first.GetResultAsync());

        Assert.Same(exception, await Assert.ThrowsAsync<CatalogUnavailableException>(() => second.GetResultAsync()));
        Assert.Equal("Puzzles", (await loader.LoadAsync(5).GetResultAsync())!.Name);
    }

    [Fact]
    public async Task A_batch_function_returning_null_fails_its_fields_with_a_clear_message()
    {
        var loader = new NullReturningLoader();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => loader.LoadAsync(1).GetResultAsync());

        Assert.Contains("returned null", exception.Message);
    }

    private sealed class NullReturningLoader : BatchDataLoader<int, string>
    {
        protected override Task<IReadOnlyDictionary<int, string>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyDictionary<int, string>>(null!);
    }
}
