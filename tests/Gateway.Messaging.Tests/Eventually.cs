namespace Gateway.Messaging.Tests;

/// <summary>Bounded polling for what the bus's delivery loops do asynchronously.</summary>
internal static class Eventually
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
