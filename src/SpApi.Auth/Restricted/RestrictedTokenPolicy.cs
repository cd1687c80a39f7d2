namespace SpApi.Auth.Restricted;

/// <summary>Which token a call to an operation of the restricted table gets.</summary>
public enum RestrictedTokenChoice
{
    /// <summary>The seller's LWA access token (Amazon answers without the personal fields, or the operation needs none).</summary>
    Lwa,

    /// <summary>An RDT; if Amazon refuses it for lack of roles the call fails with <see cref="RestrictedDataAccessDeniedException"/>.</summary>
    Rdt,

    /// <summary>An RDT; if Amazon refuses it for lack of roles the call falls back to the LWA token (and the refusal is remembered).</summary>
    RdtOrLwa,
}

/// <summary>What the call and the application bring to the decision (see <see cref="RestrictedTokenPolicy.Decide"/>).</summary>
/// <param name="CallAsked">The call asked for restricted data: data elements or a target application (delegated RDT).</param>
/// <param name="Automatic">Automatic RDTs are on (<c>AutomaticRestrictedDataTokens</c>, default true).</param>
/// <param name="HasRestrictedRoles">The application declares it holds the restricted roles (<c>HasRestrictedRoles</c>, default false).</param>
/// <param name="RecentlyRefused">Amazon refused an automatic RDT for this application and seller a short while ago.</param>
public readonly record struct RestrictedTokenRequest(bool CallAsked, bool Automatic, bool HasRestrictedRoles, bool RecentlyRefused);

/// <summary>
/// The decision table of docs/restricted-data.md, kept apart from the handler so it can be tested on its own and
/// survive changes in how per-call options reach the pipeline. Pure: no I/O, no state.
/// </summary>
public static class RestrictedTokenPolicy
{
    /// <summary>The token for a call to <paramref name="operation"/> (null: not in the restricted table, so LWA).</summary>
    public static RestrictedTokenChoice Decide(RestrictedOperation? operation, RestrictedTokenRequest request)
    {
        if (operation is null) return RestrictedTokenChoice.Lwa;
        // Asking explicitly means the caller wants the personal data: never hand back a call without it silently.
        if (request.CallAsked) return RestrictedTokenChoice.Rdt;
        return operation.Use switch
        {
            RestrictedDataTokenUse.Always => request.Automatic ? RestrictedTokenChoice.Rdt : RestrictedTokenChoice.Lwa,
            RestrictedDataTokenUse.ForPersonalData when request.Automatic && request.HasRestrictedRoles && !request.RecentlyRefused =>
                RestrictedTokenChoice.RdtOrLwa,
            _ => RestrictedTokenChoice.Lwa,
        };
    }
}
