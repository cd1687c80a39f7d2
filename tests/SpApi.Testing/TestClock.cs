using Microsoft.Extensions.Time.Testing;

namespace SpApi.Testing;

/// <summary>
/// A FakeTimeProvider that knows which timers are armed, so a test can step from one timer to the next.
/// (FakeTimeProvider.Advance moves the clock to the end of the jump before firing callbacks, so a timer armed
/// inside a callback would be measured from there; stepping timer by timer keeps every wait exact.)
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly HashSet<TrackedTimer> _armed = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Arm(dueTime, period);
        tracked.Inner = base.CreateTimer(s => { tracked.Fired(); callback(s); }, state, dueTime, period);
        return tracked;
    }

    /// <summary>When the earliest armed timer is due, or null when none is armed.</summary>
    public DateTimeOffset? NextDue
    {
        get { lock (_gate) return _armed.Count == 0 ? null : _armed.Min(t => t.Due); }
    }

    /// <summary>
    /// Steps to each armed timer in turn until <paramref name="task"/> completes (for flows that run synchronously
    /// between waits). Fails instead of hanging when nothing is armed or more than <paramref name="limit"/> would pass.
    /// </summary>
    public async Task<T> RunAsync<T>(Task<T> task, TimeSpan? limit = null)
    {
        var end = GetUtcNow() + (limit ?? TimeSpan.FromHours(1));
        while (!task.IsCompleted)
        {
            if (NextDue is not { } next) break;
            if (next > end) Assert.Fail($"The call was still running after {limit ?? TimeSpan.FromHours(1)} of fake time.");
            Advance(next > GetUtcNow() ? next - GetUtcNow() : TimeSpan.Zero);
        }
        return await task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class TrackedTimer(TestClock clock) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;
        public ITimer Inner { get; set; } = null!;
        public DateTimeOffset Due { get; private set; }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock._gate)
            {
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan) clock._armed.Remove(this);
                else
                {
                    Due = clock.GetUtcNow() + dueTime;
                    clock._armed.Add(this);
                }
            }
        }

        public void Fired()
        {
            lock (clock._gate)
            {
                if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero) clock._armed.Remove(this);
                else Due += _period;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            lock (clock._gate) clock._armed.Remove(this);
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
