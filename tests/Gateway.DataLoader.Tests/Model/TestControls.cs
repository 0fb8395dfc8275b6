namespace Gateway.DataLoader.Tests.Model;

/// <summary>Thrown by <see cref="Loaders.FlakyCategoryLoader"/> while failures are switched on.</summary>
public sealed class CatalogUnavailableException() : Exception("The catalogue is unavailable.");

/// <summary>Makes the next N batches of the flaky loader throw.</summary>
public sealed class FaultSwitch
{
    private int _failuresLeft;

    public void FailNext(int batches) => Volatile.Write(ref _failuresLeft, batches);

    public bool ShouldFail() => Interlocked.Decrement(ref _failuresLeft) >= 0;
}

/// <summary>Lets a test see the slow loader start and observe how it ended.</summary>
public sealed class SlowBatchProbe
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<bool> EndedByCancellation { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
