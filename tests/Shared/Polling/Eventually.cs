namespace Gateway.Testing;

/// <summary>
/// Bounded polling for state that settles asynchronously (a subscription being released, a bus's delivery loop), for
/// tests that wait for something to happen; a test that shows something did not happen waits for a sentinel instead.
/// </summary>
public static class Eventually
{
    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan within) => TrueAsync(() => Task.FromResult(condition()), within);

    /// <summary>The same for a condition that is asked asynchronously (an HTTP probe, say).</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return await condition();
    }
}
