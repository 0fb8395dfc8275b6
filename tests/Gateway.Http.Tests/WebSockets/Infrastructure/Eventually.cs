namespace Gateway.Http.Tests.WebSockets.Infrastructure;

/// <summary>Bounded polling for state that settles asynchronously (e.g. a subscription being released).</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }
}
