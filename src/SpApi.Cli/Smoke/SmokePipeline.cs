using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth;
using SpApi.Sandbox;

namespace SpApi.Cli.Smoke;

/// <summary>
/// The full SpApi.Auth pipeline (telemetry, retry, rate limit, LWA/RDT/grantless auth) as an application
/// would configure it, pointed at the embedded sandbox or at Amazon's sandbox hosts, with the smoke wire
/// handler as transport.
/// </summary>
internal static class SmokePipeline
{
    public static SellingPartnerClient Create(SmokeTarget target, SmokeCredentials credentials, SandboxServer? server, double rateScale, bool sendCaseHeader,
        Action<SellingPartnerApiBuilder>? configure = null)
    {
        var options = new SellingPartnerOptions
        {
            ClientId = credentials.ClientId,
            ClientSecret = credentials.ClientSecret,
            RefreshToken = credentials.RefreshToken,
            AppName = "spapi-smoke",
        };
        if (server is not null)
        {
            options.BaseAddress = server.BaseAddress.ToString();
            options.LwaEndpoint = server.TokenEndpoint.ToString();
            options.AllowLoopbackBaseAddress = true;
            // The sandbox scales its usage plans; pace with the same plans. A static 429/500/503 case answers the
            // same every time, so retrying it only costs time.
            SandboxRatePlans.Apply(options.RateLimiting, rateScale);
            options.Retry.MaxRetryAttempts = 0;
        }
        else
        {
            options.Sandbox = true;
            options.Region = target.Region!;
            options.Retry.MaxRetryAttempts = 2;
        }
        return SellingPartnerClient.Create(options, builder =>
        {
            builder.ConfigurePrimaryHandler(_ => new SmokeWireHandler(sendCaseHeader) { InnerHandler = new SocketsHttpHandler() });
            configure?.Invoke(builder);
        });
    }
}
