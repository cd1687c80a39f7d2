namespace SpApi.Testing;

/// <summary>Waits for a condition that background work (or a real server) makes true; the limit is a hang guard, never a timing assertion.</summary>
public static class Eventually
{
    public static async Task UntilAsync(Func<bool> condition, TimeSpan limit)
    {
        using var guard = new CancellationTokenSource(limit);
        while (!condition())
        {
            if (guard.IsCancellationRequested) Assert.Fail($"condition not reached within {limit.TotalSeconds} s");
            await Task.Delay(5, CancellationToken.None);
        }
    }
}
