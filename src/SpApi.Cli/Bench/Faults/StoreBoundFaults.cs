using System.Diagnostics;
using SpApi.Auth.OAuth;
using SpApi.Auth.Resilience;
using SpApi.Auth.Tokens;

namespace SpApi.Cli.Bench.Faults;

/// <summary>
/// In-memory stores filled past their bound by a flood (single-use report-document RDTs, issued OAuth states, sellers
/// seen once): they stay at their bound and keep working; a store past its bound ends the scenario as a crash.
/// Per-call cost is asserted by the unit tests (work counted).
/// </summary>
internal static class StoreBoundFaults
{
    private const int Capacity = 10_000;

    public static IReadOnlyList<FaultScenario> All { get; } =
    [
        new("store-token-cache-flood-of-single-use-rdts", TokenCacheAsync),
        new("store-oauth-state-flood", StatesAsync),
        new("store-retry-budget-sellers-seen-once", RetryBudgetAsync),
    ];

    private static async Task TokenCacheAsync(FaultRun run)
    {
        var cache = new InMemoryTokenCache(TimeProvider.System, Capacity);
        for (var i = 0; i < 5 * Capacity; i++)
            await cache.SetAsync($"rdt-{i}", new CachedToken("t", DateTimeOffset.UtcNow.AddHours(1)), run.CancellationToken);
        if (cache.Count > Capacity) throw new InvalidOperationException($"token cache holds {cache.Count} entries, bound {Capacity}");
        if (await cache.GetAsync($"rdt-{5 * Capacity - 1}", run.CancellationToken) is null) throw new InvalidOperationException("the newest token was lost");
    }

    private static async Task StatesAsync(FaultRun run)
    {
        var store = new InMemoryAuthorizationStateStore(TimeProvider.System, TimeSpan.FromMinutes(10), Capacity);
        string last = "";
        for (var i = 0; i < 5 * Capacity; i++) last = await store.IssueAsync("s", run.CancellationToken);
        if (store.Count > Capacity) throw new InvalidOperationException($"state store holds {store.Count} states, bound {Capacity}");
        await run.TypedOutcomeAsync("consuming the newest state", () => store.ConsumeAsync(last, "s", run.CancellationToken).AsTask());
    }

    private static Task RetryBudgetAsync(FaultRun run)
    {
        var time = new ManualTime();
        var budget = new RetryBudget(new RetryHandlerOptions(), time);
        for (var i = 0; i < 5 * Capacity; i++) budget.RecordCall($"seller-{i}");
        time.Advance(new RetryHandlerOptions().BudgetWindow * 3);
        budget.RecordCall("active");
        if (budget.TrackedSellers != 1) throw new InvalidOperationException($"retry budget still tracks {budget.TrackedSellers} sellers after they went idle");
        return Task.CompletedTask;
    }

    /// <summary>A clock the scenario moves (no waiting).</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks = Stopwatch.GetTimestamp();

        public void Advance(TimeSpan by) => _ticks += (long)(by.TotalSeconds * Stopwatch.Frequency);

        public override long GetTimestamp() => _ticks;

        public override long TimestampFrequency => Stopwatch.Frequency;
    }
}
