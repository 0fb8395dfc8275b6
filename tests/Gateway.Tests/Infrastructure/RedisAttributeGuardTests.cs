using Gateway.Testing;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// A test class given a <see cref="RedisServer"/> (a field, a constructor parameter or a class fixture) must have only
/// <see cref="RedisFactAttribute"/> tests, which skip with a reason where redis-server is missing.
/// </summary>
public sealed class RedisAttributeGuardTests
{
    [Fact]
    public void Every_test_of_a_class_that_starts_redis_is_a_redis_fact()
    {
        var classes = TestAttributeGuard.Classes(typeof(RedisAttributeGuardTests).Assembly, type => TestAttributeGuard.Uses(type).Contains(typeof(RedisServer)));
        Assert.NotEmpty(classes);
        var offenders = TestAttributeGuard.Offenders(classes, fact => fact is RedisFactAttribute);
        Assert.True(offenders.Count == 0, "Plain facts or theories with Redis (use [RedisFact]):\n" + string.Join('\n', offenders));
    }
}
