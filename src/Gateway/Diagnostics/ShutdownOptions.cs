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
}
