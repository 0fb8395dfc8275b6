using Polly.CircuitBreaker;

namespace Gateway.Shipping;

/// <summary>What the health report says of the remote: the circuit's state and how the last calls went.</summary>
public sealed class ShippingCallStats
{
    private readonly Lock _sync = new();
    private double? _averageMs;

    /// <summary>Attached to the circuit breaker of the shipping client's pipeline.</summary>
    public CircuitBreakerStateProvider Circuit { get; } = new();

    public double? LastLatencyMs { get; private set; }

    public string? LastOutcome { get; private set; }

    public DateTimeOffset? LastCallAt { get; private set; }

    /// <summary>Exponentially weighted (1/8 per call): recent calls count most, one slow call does not dominate.</summary>
    public double? AverageLatencyMs
    {
        get { lock (_sync) { return _averageMs; } }
    }

    public void Record(TimeSpan elapsed, string outcome)
    {
        lock (_sync)
        {
            var ms = elapsed.TotalMilliseconds;
            _averageMs = _averageMs is { } average ? average + (ms - average) / 8 : ms;
            LastLatencyMs = ms;
            LastOutcome = outcome;
            LastCallAt = DateTimeOffset.UtcNow;
        }
    }

    public CircuitState CircuitState
    {
        get
        {
            try
            {
                return Circuit.CircuitState;
            }
            catch (InvalidOperationException)
            {
                // Not attached yet: no call has built the pipeline.
                return CircuitState.Closed;
            }
        }
    }
}
