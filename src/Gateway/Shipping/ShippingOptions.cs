namespace Gateway.Shipping;

/// <summary>The <c>Shipping</c> configuration section: where the shipping service is and how long the gateway waits for it.</summary>
public sealed class ShippingOptions
{
    public const string SectionName = "Shipping";

    /// <summary>The service's GraphQL endpoint, e.g. <c>http://shipping:8080/graphql</c>. Unset: the gateway serves it itself at <see cref="EmbeddedPath"/> and calls it in-process (<see cref="InProcessShippingHandler"/>).</summary>
    public string? Url { get; set; }

    /// <summary>The whole budget of one remote call, retry included: past it, delivery is null with UPSTREAM_TIMEOUT.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(800);

    /// <summary>One attempt's limit; two attempts and the retry delay fit in <see cref="Timeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromMilliseconds(350);

    /// <summary>Base delay before the one retry (jittered).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>How long the circuit stays open once the failure ratio tripped it: calls fail at once meanwhile.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failures over calls (in 10 s, from 8 calls on) that open the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>How long the start-up compatibility check waits for the remote's SDL.</summary>
    public TimeSpan StartupCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where the gateway serves the embedded service.</summary>
    public const string EmbeddedPath = "/shipping";
}
