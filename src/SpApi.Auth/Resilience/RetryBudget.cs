using System.Collections.Concurrent;

namespace SpApi.Auth.Resilience;

/// <summary>
/// Caps retries relative to calls, per seller, over a sliding window: in any <see cref="RetryHandlerOptions.BudgetWindow"/>
/// a seller may retry at most <c>BudgetMinRetriesPerSecond x window + BudgetRatio x calls</c> times. A storm of 429s
/// then adds at most that much traffic instead of multiplying it by the retry count; past the budget the 429 goes
/// back to the caller. Register as a singleton so the budget survives handler rotation.
/// Windows live in two generations of one budget window each: a seller not seen for two windows (whose counts
/// would all be zero anyway) is forgotten, so memory follows the active sellers, at O(1) per call.
/// </summary>
public sealed class RetryBudget
{
    private const int Slots = 10;
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<string, Window> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, Window> _previous = new(StringComparer.Ordinal);
    private long _generationStart;
    private readonly TimeProvider _time;
    private readonly long _slotTicks;
    private readonly double _ratio;
    private readonly double _floor;

    /// <summary>Validates <paramref name="options"/> and creates an empty budget; time comes from <paramref name="timeProvider"/>.</summary>
    public RetryBudget(RetryHandlerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _slotTicks = Math.Max(1, (long)(options.BudgetWindow.TotalSeconds * _time.TimestampFrequency / Slots));
        _ratio = options.BudgetRatio;
        _floor = options.BudgetMinRetriesPerSecond * options.BudgetWindow.TotalSeconds;
        _generationStart = Epoch();
    }

    /// <summary>Sellers whose window is held (active within the last two budget windows).</summary>
    public int TrackedSellers
    {
        get
        {
            var current = _current;
            return current.Count + _previous.Keys.Count(k => !current.ContainsKey(k));
        }
    }

    /// <summary>Counts a call (its first attempt) for <paramref name="seller"/>.</summary>
    public void RecordCall(string? seller) => WindowOf(seller).Add(Epoch(), call: true);

    /// <summary>Takes one retry from the seller's budget; false when the budget is spent.</summary>
    public bool TryRetry(string? seller) => WindowOf(seller).TryRetry(Epoch(), _floor, _ratio);

    /// <summary>Calls and retries counted in the current window, for diagnostics.</summary>
    public (int Calls, int Retries) Current(string? seller) => WindowOf(seller).Totals(Epoch());

    private long Epoch() => _time.GetTimestamp() / _slotTicks;

    private Window WindowOf(string? seller)
    {
        var key = seller ?? "";
        Rotate(Epoch());
        var current = _current;
        if (current.TryGetValue(key, out var window)) return window;
        // Seen in the previous generation: carry its counts over (its recent slots still count).
        return _previous.TryGetValue(key, out window) ? current.GetOrAdd(key, window) : current.GetOrAdd(key, static _ => new Window());
    }

    /// <summary>Once a generation is a full window old, it becomes the previous one and the previous one is dropped.</summary>
    private void Rotate(long epoch)
    {
        if (epoch - Volatile.Read(ref _generationStart) < Slots) return;
        lock (_rotation)
        {
            if (epoch - _generationStart < Slots) return;
            // Two windows or more since the last rotation: nothing held is still inside the window.
            _previous = epoch - _generationStart >= 2 * Slots ? new ConcurrentDictionary<string, Window>(StringComparer.Ordinal) : _current;
            _current = new ConcurrentDictionary<string, Window>(StringComparer.Ordinal);
            Volatile.Write(ref _generationStart, epoch);
        }
    }

    /// <summary>Counts per slot; a slot is reused once its epoch has left the window.</summary>
    private sealed class Window
    {
        private readonly long[] _epochs = new long[Slots];
        private readonly int[] _calls = new int[Slots];
        private readonly int[] _retries = new int[Slots];

        public void Add(long epoch, bool call)
        {
            lock (this)
            {
                var i = Slot(epoch);
                if (call) _calls[i]++;
                else _retries[i]++;
            }
        }

        public bool TryRetry(long epoch, double floor, double ratio)
        {
            lock (this)
            {
                var (calls, retries) = TotalsUnlocked(epoch);
                if (retries + 1 > floor + ratio * calls) return false;
                _retries[Slot(epoch)]++;
                return true;
            }
        }

        public (int Calls, int Retries) Totals(long epoch)
        {
            lock (this) return TotalsUnlocked(epoch);
        }

        private (int, int) TotalsUnlocked(long epoch)
        {
            int calls = 0, retries = 0;
            for (var i = 0; i < Slots; i++)
            {
                if (_epochs[i] <= epoch - Slots || _epochs[i] > epoch) continue;
                calls += _calls[i];
                retries += _retries[i];
            }
            return (calls, retries);
        }

        private int Slot(long epoch)
        {
            var i = (int)(epoch % Slots);
            if (_epochs[i] != epoch)
            {
                _epochs[i] = epoch;
                _calls[i] = 0;
                _retries[i] = 0;
            }
            return i;
        }
    }
}
