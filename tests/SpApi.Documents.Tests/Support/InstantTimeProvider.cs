namespace SpApi.Documents.Tests.Support;

/// <summary>
/// A clock whose timers fire at once, moving the clock forward by their due time: code that waits (poll
/// intervals, retry delays) runs without real waiting, and the waited time is visible on the clock.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;
    private readonly List<TimeSpan> _delays = [];

    public IReadOnlyList<TimeSpan> Delays { get { lock (_delays) return _delays.ToArray(); } }

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;
    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan) return new Fired();
        lock (_delays) _delays.Add(dueTime);
        Interlocked.Add(ref _ticks, dueTime.Ticks);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new Fired();
    }

    private sealed class Fired : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => false;
        public void Dispose() { }
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
