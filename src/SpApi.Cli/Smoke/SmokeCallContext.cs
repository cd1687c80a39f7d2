using SpApi.Runtime;

namespace SpApi.Cli.Smoke;

/// <summary>
/// What the smoke runner tells its wire handler about the call in flight (AsyncLocal, so concurrent calls
/// do not mix), and what the handler observed: the HTTP status the typed client does not expose for
/// void operations.
/// </summary>
internal sealed class SmokeCallContext
{
    private static readonly AsyncLocal<SmokeCallContext?> Ambient = new();

    public static SmokeCallContext? Current => Ambient.Value;

    /// <summary>The operation of the case: overrides apply to its request only, not to RDT calls made on the way.</summary>
    public OperationMetadata? Operation { get; init; }

    /// <summary>Sandbox extension header asking the local sandbox for this case number.</summary>
    public int? ForcedCase { get; init; }

    /// <summary>Raw query values to put on the wire instead of what the typed client sent (values its types cannot hold).</summary>
    public Dictionary<string, WireValue> QueryOverrides { get; } = new(StringComparer.Ordinal);

    /// <summary>Raw path values to put on the wire, by template parameter name.</summary>
    public Dictionary<string, string> PathOverrides { get; } = new(StringComparer.Ordinal);

    /// <summary>A JSON body to send instead of the typed one (only when the request type cannot hold the case's body).</summary>
    public string? RawBody { get; set; }

    public int? ObservedStatus { get; set; }

    public static IDisposable Begin(SmokeCallContext context)
    {
        var previous = Ambient.Value;
        Ambient.Value = context;
        return new Restore(previous);
    }

    private sealed class Restore(SmokeCallContext? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}

/// <summary>Raw query values and whether they go comma-joined (csv) or repeated (multi).</summary>
internal sealed record WireValue(IReadOnlyList<string> Values, char? Separator);
