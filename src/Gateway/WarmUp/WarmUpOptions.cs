namespace Gateway.WarmUp;

/// <summary>
/// The <c>WarmUp</c> section: screens a replica runs against itself once it listens, before it reports ready, so that
/// the first visitors after a deploy or a scale-out do not pay for .NET's JIT, the document cache and the store's
/// prepared statements (a cold ProductPage serves a third of the requests per second of a warm one for its first ten
/// seconds under load).
/// </summary>
public sealed class WarmUpOptions
{
    public const string SectionName = "WarmUp";

    /// <summary>On by default in Production only: tests and development start many short-lived hosts.</summary>
    public bool? Enabled { get; set; }

    /// <summary>How many times each request runs in a round, one after another. Default 200.</summary>
    public int Iterations { get; set; } = 200;

    /// <summary>The longest the warm-up may take: it runs rounds until the JIT has settled. Default 10 s.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The operations to run, by name, from the persisted operations manifest, each with its variables.</summary>
    public List<WarmUpRequest> Requests { get; set; } = [];
}

/// <summary>One operation of the manifest (by its name, e.g. <c>ProductPage</c>) and the variables it runs with.</summary>
public sealed class WarmUpRequest
{
    public string Operation { get; set; } = "";

    /// <summary>Values as text; a number or <c>true</c>/<c>false</c> is sent as such (configuration has no types).</summary>
    public Dictionary<string, string> Variables { get; set; } = [];
}
