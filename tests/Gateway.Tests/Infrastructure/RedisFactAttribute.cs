using Gateway.Testing;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// A test that needs Debian's redis-server: skipped, with the reason in the test report, on a machine without it
/// (a developer's), never passed silently; .ci/run installs it, and sets GATEWAY_TESTS_REQUIRE_SERVICES=1 so that
/// CI fails them rather than skip them if it is still missing.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        // Under GATEWAY_TESTS_REQUIRE_SERVICES=1 the test runs instead, and RedisServer fails it with the reason.
        if (RedisServer.Binary is null && !RequiredServices.Required)
        {
            Skip = "redis-server is not installed (apt-get install -y redis-server, as .ci/run does): the Redis replica tests did not run.";
        }
    }
}
