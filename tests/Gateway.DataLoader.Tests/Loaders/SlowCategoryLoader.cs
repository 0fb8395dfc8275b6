using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests.Loaders;

/// <summary>Waits (at most ten seconds) until the request's token is cancelled.</summary>
public sealed class SlowCategoryLoader(BatchLog log, SlowBatchProbe probe) : BatchDataLoader<int, Category>
{
    protected override async Task<IReadOnlyDictionary<int, Category>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        log.Record(nameof(SlowCategoryLoader), keys);
        probe.Started.TrySetResult();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            probe.EndedByCancellation.TrySetResult(false);
            return new Dictionary<int, Category>();
        }
        catch (OperationCanceledException)
        {
            probe.EndedByCancellation.TrySetResult(cancellationToken.IsCancellationRequested);
            throw;
        }
    }
}
