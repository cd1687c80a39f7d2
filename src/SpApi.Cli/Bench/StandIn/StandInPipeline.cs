namespace SpApi.Cli.Bench.StandIn;

/// <summary>
/// STAND-IN for the Auth stage of the SpApi.Auth pipeline, used until the auth branch is merged: what the
/// auth handler does per call with a cached LWA token (check the destination, set x-amz-access-token,
/// x-amz-date and user-agent).
/// </summary>
internal static class StandInPipeline
{
    /// <summary>Shown in reports so nobody mistakes stand-in figures for the real pipeline's.</summary>
    public const string Label = "STAND-IN auth stage (cached token; SpApi.Auth AuthHandler not merged yet)";

    /// <summary>The stand-in auth stage over <paramref name="transport"/>.</summary>
    public static DelegatingHandler CreateAuth(HttpMessageHandler transport, TimeProvider time) =>
        new StandInAuthHandler("Atza|bench-cached-access-token", time) { InnerHandler = transport };
}
