namespace SpApi.Auth.OAuth;

/// <summary>Why a returned <c>state</c> was refused.</summary>
public enum AuthorizationStateFailure
{
    /// <summary>The callback carried no state.</summary>
    Missing,

    /// <summary>Never issued here, or already used (state is single-use).</summary>
    Unknown,

    /// <summary>Issued, but too long ago.</summary>
    Expired,

    /// <summary>Issued for another browser session than the one returning it.</summary>
    BindingMismatch,
}

/// <summary>The authorization callback's <c>state</c> failed verification (possible CSRF): do not exchange the code.</summary>
public sealed class AuthorizationStateException(AuthorizationStateFailure failure)
    : Exception(failure switch
    {
        AuthorizationStateFailure.Missing => "The authorization callback has no 'state' parameter.",
        AuthorizationStateFailure.Unknown => "The authorization 'state' was not issued by this application or was already used.",
        AuthorizationStateFailure.Expired => "The authorization 'state' has expired; start the authorization again.",
        _ => "The authorization 'state' belongs to another session.",
    })
{
    /// <summary>Why the state was refused.</summary>
    public AuthorizationStateFailure Failure { get; } = failure;
}
