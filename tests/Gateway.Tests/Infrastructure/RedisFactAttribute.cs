namespace Gateway.Tests.Infrastructure;

/// <summary>
/// A test that needs Debian's redis-server: skipped, with the reason in the test report, on a machine without it
/// (a developer's), never passed silently; .ci/run installs it, so CI always runs these.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (RedisServer.Binary is null)
        {
            Skip = "redis-server is not installed (apt-get install -y redis-server, as .ci/run does): the Redis replica tests did not run.";
        }
    }
}
