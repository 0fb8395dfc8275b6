using System.Collections.Concurrent;

namespace Gateway.DataLoader.Tests.Model;

/// <summary>What one call of a batch function received.</summary>
public sealed record BatchCall(string Loader, IReadOnlyList<int> Keys, object? Shape);

/// <summary>Records every batch function call of one test host (thread-safe: batches may run in parallel).</summary>
public sealed class BatchLog
{
    private readonly ConcurrentQueue<BatchCall> _calls = new();

    public void Record(string loader, IReadOnlyList<int> keys, object? shape = null)
        => _calls.Enqueue(new BatchCall(loader, keys.ToArray(), shape));

    public IReadOnlyList<BatchCall> CallsOf(string loader) => _calls.Where(call => call.Loader == loader).ToList();
}
