using System.Collections.Concurrent;

namespace SpApi.Auth.Caching;

/// <summary>
/// A string-keyed store with a size bound and expiry-ordered eviction, for the in-memory token cache and the OAuth
/// state store. Entries are also kept in a set ordered by expiry, so each write removes the expired entries from
/// the front and, when full, the entry that expires first: O(log n) per call, never a scan of the whole store.
/// Reads are lock-free; writes take one lock.
/// </summary>
internal sealed class BoundedExpiringStore<TValue>
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly SortedSet<Entry> _byExpiry;
    private readonly CountingComparer _comparer = new();
    private readonly Lock _gate = new();
    private long _sequence;
    private long _removed;

    public BoundedExpiringStore(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _byExpiry = new SortedSet<Entry>(_comparer);
    }

    /// <summary>Most entries held at once; a write into a full store first drops the entry that expires soonest.</summary>
    public int Capacity { get; }

    public int Count => _entries.Count;

    /// <summary>Work done so far: expiry-order comparisons plus entries removed (a measure of per-call cost that does not depend on timing).</summary>
    public long Work => Interlocked.Read(ref _comparer.Comparisons) + Interlocked.Read(ref _removed);

    /// <summary>Entries dropped because the store was full (not because they expired).</summary>
    public long EvictedWhileValid { get; private set; }

    /// <summary>The value under <paramref name="key"/> while it has not expired at <paramref name="now"/>; an expired one is removed.</summary>
    public bool TryGet(string key, DateTimeOffset now, out TValue value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (now < entry.ExpiresAt)
            {
                value = entry.Value;
                return true;
            }
            lock (_gate) RemoveIfCurrent(entry);
        }
        value = default!;
        return false;
    }

    /// <summary>Stores <paramref name="value"/> until <paramref name="expiresAt"/>, evicting expired entries and, when full, the soonest to expire.</summary>
    public void Set(string key, TValue value, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var old)) RemoveIfCurrent(old);
            while (_byExpiry.Count > 0 && _byExpiry.Min!.ExpiresAt <= now) RemoveIfCurrent(_byExpiry.Min);
            while (_entries.Count >= Capacity && _byExpiry.Count > 0)
            {
                RemoveIfCurrent(_byExpiry.Min!);
                EvictedWhileValid++;
            }
            var entry = new Entry(key, value, expiresAt, ++_sequence);
            _byExpiry.Add(entry);
            _entries[key] = entry;
        }
    }

    /// <summary>Removes and returns the value under <paramref name="key"/>, expired or not.</summary>
    public bool TryRemove(string key, out TValue value) => TryRemove(key, out value, out _);

    /// <summary>Removes the entry under <paramref name="key"/>, expired or not, returning its value and expiry.</summary>
    public bool TryRemove(string key, out TValue value, out DateTimeOffset expiresAt)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var entry))
            {
                RemoveIfCurrent(entry);
                (value, expiresAt) = (entry.Value, entry.ExpiresAt);
                return true;
            }
        }
        (value, expiresAt) = (default!, default);
        return false;
    }

    private void RemoveIfCurrent(Entry entry)
    {
        if (!_byExpiry.Remove(entry)) return;
        _entries.TryRemove(new KeyValuePair<string, Entry>(entry.Key, entry));
        _removed++;
    }

    private sealed record Entry(string Key, TValue Value, DateTimeOffset ExpiresAt, long Sequence);

    private sealed class CountingComparer : IComparer<Entry>
    {
        public long Comparisons;

        public int Compare(Entry? x, Entry? y)
        {
            Comparisons++;
            var byExpiry = x!.ExpiresAt.CompareTo(y!.ExpiresAt);
            return byExpiry != 0 ? byExpiry : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
