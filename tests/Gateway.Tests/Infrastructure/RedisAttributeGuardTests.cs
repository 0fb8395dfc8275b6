using Gateway.Testing;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// A test class given a <see cref="RedisServer"/> (a field, a constructor parameter or a class fixture, or one that
/// holds it) must have only
/// <see cref="RedisFactAttribute"/> tests, which skip with a reason where redis-server is missing.
/// </summary>
public sealed class RedisAttributeGuardTests
{
    [Fact]
    public void Every_test_of_a_class_that_starts_redis_is_a_redis_fact()
    {
        // Given a RedisServer, or a fixture that holds one.
        var classes = TestAttributeGuard.Classes(typeof(RedisAttributeGuardTests).Assembly, type => TestAttributeGuard.Uses(type)
            .Any(used => used == typeof(RedisServer) || TestAttributeGuard.Uses(used).Contains(typeof(RedisServer))));
        Assert.Contains(typeof(Replicas.RedisReplicaTests), classes);
        Assert.NotEmpty(classes);
        var offenders = TestAttributeGuard.Offenders(classes, fact => fact is RedisFactAttribute);
        Assert.True(offenders.Count == 0, "Plain facts or theories with Redis (use [RedisFact]):\n" + string.Join('\n', offenders));
    }
}
