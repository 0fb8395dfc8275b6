namespace Gateway.DataLoader.Tests;

public sealed class CancellationTests
{
    private static readonly TimeSpan _patience = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(Strategy.Parallel)]
    [InlineData(Strategy.Serial)]
    public async Task Cancelling_the_request_cancels_its_batch(Strategy strategy)
    {
        await using var host = new TestHost(strategy);
        using var request = new CancellationTokenSource();

        var execution = host.ExecuteAsync("{ products { slowCategory { id } } }", request.Token);
        await host.SlowProbe.Started.Task.WaitAsync(_patience);
        await request.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => execution.WaitAsync(_patience));
        Assert.True(await host.SlowProbe.EndedByCancellation.Task.WaitAsync(_patience));
        Assert.Single(host.Log.CallsOf("SlowCategoryLoader"));
    }

    [Fact]
    public async Task A_cancelled_batch_is_not_cached()
    {
        var log = new Model.BatchLog();
        var loader = new Loaders.CategoryByIdLoader(log);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loader.LoadAsync(4).GetResultAsync(cancelled.Token));
        var retried = await loader.LoadAsync(4).GetResultAsync();

        Assert.Equal("Novels", retried!.Name);
        Assert.Single(log.CallsOf("CategoryByIdLoader"));
    }
}
