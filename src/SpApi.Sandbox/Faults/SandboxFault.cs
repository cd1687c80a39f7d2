namespace SpApi.Sandbox.Faults;

/// <summary>A kind of misbehaviour the sandbox can inject into an operation's responses.</summary>
public enum SandboxFaultKind
{
    /// <summary>HTTP 500 with SP-API's <c>InternalFailure</c> error.</summary>
    InternalServerError,
    /// <summary>HTTP 503 with SP-API's <c>ServiceUnavailable</c> error (and <see cref="SandboxFault.RetryAfter"/> if set).</summary>
    ServiceUnavailable,
    /// <summary>The normal response, after <see cref="SandboxFault.Latency"/>.</summary>
    Latency,
    /// <summary>The connection is aborted without a response.</summary>
    ConnectionReset,
    /// <summary>The normal status and headers, with the JSON body cut off halfway.</summary>
    TruncatedJson,
    /// <summary>The normal status and headers, with a body that is not JSON.</summary>
    MalformedJson,
}

/// <summary>A fault hitting the next <see cref="Count"/> requests of an operation.</summary>
public sealed record SandboxFault(SandboxFaultKind Kind, int Count = 1)
{
    /// <summary>Delay before answering (for <see cref="SandboxFaultKind.Latency"/>), measured on the sandbox's TimeProvider.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Retry-After to send with 500/503 faults, if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    internal void Validate()
    {
        if (!Enum.IsDefined(Kind)) throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown sandbox fault kind.");
        if (Count < 1) throw new ArgumentOutOfRangeException(nameof(Count), Count, "A sandbox fault must hit at least one request.");
        if (Latency < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Latency), Latency, "Fault latency cannot be negative.");
        if (Kind == SandboxFaultKind.Latency && Latency == TimeSpan.Zero)
            throw new ArgumentException("A Latency fault needs a positive Latency.", nameof(Latency));
        if (RetryAfter < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(RetryAfter), RetryAfter, "Retry-After cannot be negative.");
    }
}

/// <summary>
/// Which requests a fault hits: <see cref="Operation"/> is an operation id (<c>getOrders</c>), an
/// operation key (<c>ordersV0.json#getOrders</c>) or <c>*</c> for every operation.
/// </summary>
public sealed record SandboxFaultRule(string Operation, SandboxFault Fault)
{
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Operation))
            throw new ArgumentException("A sandbox fault rule needs an operation id, operation key or '*'.", nameof(Operation));
        ArgumentNullException.ThrowIfNull(Fault, nameof(Fault));
        Fault.Validate();
    }
}
