using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace SpApi.Runtime.Json;

/// <summary>
/// Prepares Json.NET to read an operation's response while the call is still on the wire. The first read of a type
/// resolves its contracts by reflection and compiles the reader's code (tens of milliseconds in a fresh process); done
/// on the thread pool once the first call of an operation has sent (its synchronous part done, so it does not compete
/// with it), that work overlaps the token exchange and the round trip instead of following them. Once per response
/// type and process; a single flag read on every later call.
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
    /// Starts the warm-up of <typeparamref name="T"/> with <paramref name="settings"/> unless it was started before;
    /// returns it (tests wait for it), or null when it was started before or is switched off.
    /// </summary>
    [RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
    public static Task? Start<T>(JsonSerializerSettings settings)
    {
        if (Volatile.Read(ref Started<T>.Flag) != 0 || Interlocked.Exchange(ref Started<T>.Flag, 1) != 0) return null;
        // Read once per type (switches are set at start-up), so a switched-off warm-up costs later calls nothing either.
        if (AppContext.TryGetSwitch(DisableSwitch, out var disabled) && disabled) return null;
        return Task.Run(() => Warm(typeof(T), settings));
    }

    /// <summary>True once a warm-up of <typeparamref name="T"/> was started in this process.</summary>
    public static bool WasStarted<T>() => Volatile.Read(ref Started<T>.Flag) != 0;

    [RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
    private static void Warm(Type type, JsonSerializerSettings settings)
    {
        try
        {
            var serializer = SpApiJson.SerializerFor(settings);
            var root = ResolveAhead(serializer.ContractResolver, type);
            // An empty document runs the reader's own path for this type (no property is set, nothing is kept).
            using var reader = new JsonTextReader(new StringReader(root is JsonArrayContract ? "[]" : "{}"));
            serializer.Deserialize(reader, type);
        }
        catch (Exception)
        {
            // Best effort (see remarks): the response is read the usual way, which reports any problem itself.
        }
    }

    /// <summary>Resolves the contracts reachable from <paramref name="type"/>, breadth first, at most <see cref="MaxTypes"/>.</summary>
    [RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
    internal static JsonContract ResolveAhead(IContractResolver resolver, Type type)
    {
        var root = resolver.ResolveContract(type);
        var seen = new HashSet<Type> { type };
        var queue = new Queue<JsonContract>();
        queue.Enqueue(root);
        while (queue.TryDequeue(out var contract))
        {
            foreach (var next in Children(contract))
            {
                if (next is null || seen.Count >= MaxTypes || !seen.Add(next)) continue;
                queue.Enqueue(resolver.ResolveContract(next));
            }
        }
        return root;
    }

    private static IEnumerable<Type?> Children(JsonContract contract) => contract switch
    {
        JsonObjectContract obj => obj.Properties.Select(p => p.PropertyType),
        JsonArrayContract array => [array.CollectionItemType],
        JsonDictionaryContract dictionary => [dictionary.DictionaryValueType],
        _ => [],
    };

    // One flag per response type: a static field of a generic class is the cheapest per-call check there is.
    private static class Started<T>
    {
        public static int Flag;
    }
}
