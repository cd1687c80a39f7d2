using System.Collections.Concurrent;

namespace SpApi.Auth.Resilience;

/// <summary>
/// Caps retries relative to calls, per seller, over a sliding window: in any <see cref="RetryHandlerOptions.BudgetWindow"/>
/// a seller may retry at most <c>BudgetMinRetriesPerSecond x window + BudgetRatio x calls</c> times. A storm of 429s
/// then adds at most that much traffic instead of multiplying it by the retry count; past the budget the 429 goes
/// back to the caller. Register as a singleton so the budget survives handler rotation.
/// </summary>
public sealed class RetryBudget
{
    private const int Slots = 10;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
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
    }

    /// <summary>Counts a call (its first attempt) for <paramref name="seller"/>.</summary>
    public void RecordCall(string? seller) => WindowOf(seller).Add(Epoch(), call: true);

    /// <summary>Takes one retry from the seller's budget; false when the budget is spent.</summary>
    public bool TryRetry(string? seller) => WindowOf(seller).TryRetry(Epoch(), _floor, _ratio);

    /// <summary>Calls and retries counted in the current window, for diagnostics.</summary>
    public (int Calls, int Retries) Current(string? seller) => WindowOf(seller).Totals(Epoch());

    private long Epoch() => _time.GetTimestamp() / _slotTicks;

    private Window WindowOf(string? seller) => _windows.GetOrAdd(seller ?? "", static _ => new Window());

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
