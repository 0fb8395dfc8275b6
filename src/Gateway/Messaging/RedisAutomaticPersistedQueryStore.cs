using Gateway.Http.Persisted;
using StackExchange.Redis;

namespace Gateway.Messaging;

/// <summary>
/// Documents registered through automatic persisted queries, shared by every replica through Redis: a client that
/// registered its hash through one replica is served by hash on all of them (a load balancer may send the next
/// request anywhere). Each entry expires after <see cref="TimeToLive"/> without use, so Redis never holds documents
/// nobody sends any more; reading one renews it.
/// </summary>
public sealed class RedisAutomaticPersistedQueryStore(IConnectionMultiplexer redis) : IAutomaticPersistedQueryStore
{
    public const string KeyPrefix = "gateway:apq:";

    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(1);

    public async ValueTask<string?> GetAsync(string hash, CancellationToken cancellationToken)
    {
        var document = await redis.GetDatabase().StringGetSetExpiryAsync(KeyPrefix + hash, TimeToLive).ConfigureAwait(false);
        return document.IsNull ? null : document.ToString();
    }

    public async ValueTask SetAsync(string hash, string document, CancellationToken cancellationToken) =>
        await redis.GetDatabase().StringSetAsync(KeyPrefix + hash, document, TimeToLive).ConfigureAwait(false);
}
