using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace SpApi.Runtime.Json;

/// <summary>
/// Prepares Json.NET to read an operation's response while the call is still on the wire. The first read of a type
/// resolves its contracts by reflection and compiles the reader's code (tens of milliseconds in a fresh process); done
/// once the first call of an operation has sent (its synchronous part done, so it does not compete with it), that work
/// overlaps the token exchange and the round trip instead of following them. Once per response type and process; a
/// single flag read on every later call.
/// <para>
/// The warm-ups run one after another on one background thread of their own, started when there is work and ended
/// when there is none: on the thread pool they would hold the few workers a fresh process has, and the call's own I/O
/// continuations (opening its connection, reading its answer) would queue behind them. The thread does not carry the
/// caller's execution context (no Activity, call options or logging scopes are kept alive).
/// </para>
/// </summary>
/// <remarks>
/// Best effort: a failure here is dropped (the real read reports its own). Off with the AppContext switch
/// <see cref="DisableSwitch"/> (e.g. <c>&lt;RuntimeHostConfigurationOption Include="SpApi.DisableResponseReaderWarmup" Value="true" /&gt;</c>).
/// </remarks>
internal static class ResponseReaderWarmup
{
    public const string DisableSwitch = "SpApi.DisableResponseReaderWarmup";

    /// <summary>At most this many types are resolved ahead (breadth first, so the outer ones, which every answer has, come first).</summary>
    public const int MaxTypes = 48;

    /// <summary>
    /// Starts the warm-up of <typeparamref name="T"/> with <paramref name="settings"/> unless it was started (or found
    /// switched off) before; returns it (tests wait for it), or null. Never throws: the call it serves goes on regardless.
    /// </summary>
    [RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
    public static Task? Start<T>(JsonSerializerSettings settings)
    {
        if (Volatile.Read(ref Started<T>.State) != NotYet) return null;
        // The switch is read only until the type's state is set (switches are set at start-up), so later calls read one field.
        var state = AppContext.TryGetSwitch(DisableSwitch, out var disabled) && disabled ? Off : Running;
        if (Interlocked.CompareExchange(ref Started<T>.State, state, NotYet) != NotYet || state == Off) return null;
        var item = new WorkItem(typeof(T), settings);
        Pending.Enqueue(item);
        try
        {
            if (Interlocked.CompareExchange(ref _workerRunning, 1, 0) == 0)
                new Thread(Drain) { IsBackground = true, Name = "SpApi response reader warm-up" }.UnsafeStart();
        }
        catch (Exception)
        {
            // No thread could be started: nothing is lost but the head start (the next warm-up tries again).
            Volatile.Write(ref _workerRunning, 0);
            item.Done.TrySetResult();
        }
        return item.Done.Task;
    }

    /// <summary>True once a warm-up of <typeparamref name="T"/> was started in this process.</summary>
    public static bool WasStarted<T>() => Volatile.Read(ref Started<T>.State) == Running;

    private sealed record WorkItem(Type Type, JsonSerializerSettings Settings)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private static readonly ConcurrentQueue<WorkItem> Pending = new();
    private static int _workerRunning;

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only response types of generated clients are queued, by Start, which carries the warning.")]
    private static void Drain()
    {
        while (true)
        {
            while (Pending.TryDequeue(out var item))
            {
                Warm(item.Type, item.Settings);
                item.Done.TrySetResult();
            }
            Volatile.Write(ref _workerRunning, 0);
            // Work queued after the queue was found empty, but before the flag was cleared, is ours to run.
            if (Pending.IsEmpty || Interlocked.CompareExchange(ref _workerRunning, 1, 0) != 0) return;
        }
    }

    [RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
    private static void Warm(Type type, JsonSerializerSettings settings)
    {
        try
        {
            var serializer = SpApiJson.SerializerFor(settings);
            var root = ResolveAhead(serializer.ContractResolver, type);
            // An empty document runs the reader's own path for this type (no property is set, nothing is kept);
            // a primitive, string or enum answer has no such path, and "{}" would only throw.
            var empty = root switch { JsonArrayContract => "[]", JsonObjectContract or JsonDictionaryContract => "{}", _ => null };
            if (empty is null) return;
            using var reader = new JsonTextReader(new StringReader(empty));
            serializer.Deserialize(reader, type);
        }
        catch (Exception)
        {
            // Best effort (see remarks): the response is read the usual way, which reports any problem itself.
        }
    }

    /// <summary>
    /// Resolves the contracts reachable from <paramref name="type"/>, breadth first, at most <see cref="MaxTypes"/>;
    /// a type whose contract cannot be made is skipped (its read will say why).
    /// </summary>
    [RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
    internal static JsonContract ResolveAhead(IContractResolver resolver, Type type)
    {
        var root = resolver.ResolveContract(type);
        var seen = new HashSet<Type> { type };
        var queue = new Queue<JsonContract>();
        queue.Enqueue(root);
        while (queue.TryDequeue(out var contract))
        {
            switch (contract)
            {
                case JsonObjectContract obj:
                    foreach (var property in obj.Properties) Visit(property.PropertyType);
                    break;
                case JsonArrayContract array:
                    Visit(array.CollectionItemType);
                    break;
                case JsonDictionaryContract dictionary:
                    Visit(dictionary.DictionaryValueType);
                    break;
            }
        }
        return root;

        void Visit(Type? next)
        {
            if (next is null || seen.Count >= MaxTypes || !seen.Add(next)) return;
            try
            {
                queue.Enqueue(resolver.ResolveContract(next));
            }
            catch (Exception)
            {
                // Skipped, see the summary.
            }
        }
    }

    private const int NotYet = 0, Running = 1, Off = 2;

    // One state per response type: a static field of a generic class is the cheapest per-call check there is.
    private static class Started<T>
    {
        public static int State;
    }
}
