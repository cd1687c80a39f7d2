using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;
using SpApi.Auth;
using SpApi.Cli.Bench.Faults;
using SpApi.Cli.Smoke;
using SpApi.Cli.Tests.Support;
using SpApi.Sandbox;

namespace SpApi.Cli.Tests.Smoke;

/// <summary>
/// A Trace-level smoke run over every case of the pinned models against the local sandbox, with two structured
/// sinks attached: a provider that keeps each state object and an OpenTelemetry in-memory log exporter. No
/// client secret, refresh token, access token, grantless token or RDT may appear in any of them.
/// </summary>
public class StructuredLogSecretsTests
{
    private const string TokenHeader = "x-amz-access-token";

    [Test]
    public async Task A_trace_level_smoke_run_puts_no_token_or_secret_into_any_log_state()
    {
        var recorder = new LogStateRecorder();
        var exported = new List<LogRecord>();
        var sent = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var options = new SmokeSessionOptions
        {
            Cases = SmokeModels.Cases,
            ConfigurePipeline = builder =>
            {
                builder.Services.AddLogging(logging => logging
                    .SetMinimumLevel(LogLevel.Trace)
                    .AddProvider(recorder)
                    .AddOpenTelemetry(otel =>
                    {
                        otel.IncludeScopes = true;
                        otel.IncludeFormattedMessage = true;
                        otel.ParseStateValues = true;
                        otel.AddInMemoryExporter(exported);
                    }));
                // Observes the tokens actually sent (LWA access, grantless and RDTs), innermost, so the scan knows what to look for.
                foreach (var name in new[] { SellingPartnerClientFactory.PipelineName, SellingPartnerServiceCollectionExtensions.TokensPipelineName })
                    builder.Services.AddHttpClient(name).AddHttpMessageHandler(() => new TokenObserver(sent));
            },
        };

        int cases;
        await using (var session = await SmokeSession.StartAsync(options, CancellationToken.None))
        {
            var all = SmokeRunner.Select(SmokeModels.Cases, null);
            cases = all.Count;
            await SmokeRunner.RunAsync(session, all, null, CancellationToken.None);
        } // disposing the pipeline flushes the OpenTelemetry exporter

        var credential = SandboxCredential.Default;
        var secrets = sent.Keys.Append(credential.ClientSecret).Append(credential.RefreshToken).ToArray();
        var entries = recorder.Entries.Concat(exported.Select(Describe)).ToArray();
        var leaks = entries.SelectMany(e => secrets.Where(s => e.Contains(s, StringComparison.Ordinal)).Select(s => (Entry: e, Secret: s))).ToArray();

        TestContext.Out.WriteLine($"{cases} cases, {sent.Count} distinct tokens sent, {recorder.Entries.Count} provider entries, {exported.Count} OpenTelemetry records scanned, {leaks.Length} leaks");
        Assert.That(sent.Count, Is.GreaterThan(2), "the run must have sent access tokens and RDTs, or the scan proves nothing");
        Assert.That(recorder.Entries, Is.Not.Empty);
        Assert.That(exported, Is.Not.Empty);
        // Shown with the secret cut out: test output is a log too.
        Assert.That(leaks.Select(l => l.Entry.Replace(l.Secret, "<SECRET>", StringComparison.Ordinal)).Distinct().Take(5), Is.Empty, "log entries holding a secret");
    }

    /// <summary>
    /// The control: IHttpClientFactory's default header logging, even with every header redacted, still puts the raw
    /// token into the state these sinks record, so the scan above would find a leak if those loggers were in the pipeline.
    /// </summary>
    [Test]
    public async Task The_recorder_sees_what_default_http_client_logging_leaks_through_redaction()
    {
        const string token = "Atza|control-token-for-the-recorder";
        var recorder = new LogStateRecorder();
        var exported = new List<LogRecord>();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(recorder)
            .AddOpenTelemetry(o => { o.ParseStateValues = true; o.IncludeScopes = true; o.AddInMemoryExporter(exported); }));
        services.AddHttpClient("plain").RedactLoggedHeaders(_ => true).ConfigurePrimaryHttpMessageHandler(() => new Answer200());
        await using (var sp = services.BuildServiceProvider())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "https://sellingpartnerapi-na.amazon.com/orders/v0/orders");
            request.Headers.Add(TokenHeader, token);
            using var _ = await sp.GetRequiredService<IHttpClientFactory>().CreateClient("plain").SendAsync(request);
        }

        var formatted = recorder.Entries.Select(e => e[..e.IndexOf(" | ", StringComparison.Ordinal)]);
        Assert.That(formatted, Has.None.Contains(token), "the formatted messages are redacted");
        Assert.That(recorder.Entries.Concat(exported.Select(Describe)), Has.Some.Contains(token), "but the structured state is not");
    }

    private sealed class Answer200 : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
    }

    private static string Describe(LogRecord record)
    {
        var sb = new StringBuilder($"{record.LogLevel} {record.CategoryName} {record.EventId}: {record.FormattedMessage} {record.Body} | ");
        LogStateRecorder.Flatten(record.Attributes, sb);
        record.ForEachScope((scope, b) => LogStateRecorder.Flatten(scope.Scope, b), sb);
        sb.Append(record.Exception);
        return sb.ToString();
    }

    private sealed class TokenObserver(ConcurrentDictionary<string, byte> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues(TokenHeader, out var values))
                foreach (var v in values) sent.TryAdd(v, 0);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
