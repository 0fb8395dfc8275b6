namespace Gateway.Diagnostics;

/// <summary>The <c>Shutdown</c> section: how a replica leaves when it is told to stop (SIGTERM, Ctrl+C).</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// How long requests in flight may take to finish once the replica stops taking new ones. Below the 30 s an
    /// orchestrator usually waits before it kills a container, so that the host ends on its own terms.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>
    /// How long, once told to stop, the replica still takes requests while <c>/health/ready</c> answers 503, before it
    /// stops listening: time for a load balancer that probes readiness to route elsewhere before connections are
    /// refused. Zero (the default) stops listening at once.
    /// </summary>
    public TimeSpan StopListeningDelay { get; set; } = TimeSpan.Zero;
}
