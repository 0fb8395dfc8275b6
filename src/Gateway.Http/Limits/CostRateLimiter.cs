using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Limits;

/// <summary>
/// Rate limiting by cost (what Shopify and GitHub meter): each client has a token bucket of
/// <see cref="GraphQLRateLimitOptions.PointsPerMinute"/> points, refilled every minute, and an operation takes its
/// field cost from it. Built on <see cref="PartitionedRateLimiter"/> with one <see cref="TokenBucketRateLimiter"/>
/// per client; idle buckets are dropped by the partitioned limiter itself.
/// </summary>
internal sealed class CostRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;
    private readonly int _pointsPerMinute;

    public CostRateLimiter(IOptions<GraphQLRateLimitOptions> options)
    {
        _pointsPerMinute = options.Value.PointsPerMinute;
        if (_pointsPerMinute > 0)
        {
            _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetTokenBucketLimiter(
                client,
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = _pointsPerMinute,
                    TokensPerPeriod = _pointsPerMinute,
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        }
    }

    public bool Enabled => _limiter is not null;

    public int PointsPerMinute => _pointsPerMinute;

    /// <summary>Takes <paramref name="cost"/> points (at least one) from the client's bucket; false with a retry delay if it is empty.</summary>
    public bool TryTake(string client, double cost, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (_limiter is null)
        {
            return true;
        }

        var permits = (int)Math.Clamp(Math.Ceiling(cost), 1, int.MaxValue);
        if (permits > _pointsPerMinute)
        {
            // Can never fit in the bucket: refuse now instead of letting the limiter throw.
            retryAfter = TimeSpan.FromMinutes(1);
            return false;
        }

        using var lease = _limiter.AttemptAcquire(client, permits);
        if (lease.IsAcquired)
        {
            return true;
        }

        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        return false;
    }

    /// <summary>The client a request is counted against: the token's subject, else the remote address.</summary>
    public static string ClientKey(ClaimsPrincipal? user, IPAddress? remoteAddress)
    {
        var subject = user?.Identity?.IsAuthenticated == true
            ? user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.Identity.Name
            : null;
        return subject is not null ? "user:" + subject : "ip:" + (remoteAddress?.ToString() ?? "unknown");
    }

    public void Dispose() => _limiter?.Dispose();
}
