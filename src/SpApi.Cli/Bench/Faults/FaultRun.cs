using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SpApi.Auth.Handlers;
using SpApi.Auth.Lwa;
using SpApi.Auth.RateLimiting;
using SpApi.Auth.Tokens;
using SpApi.Runtime;

namespace SpApi.Cli.Bench.Faults;

/// <summary>
/// What a scenario works with: the hostile SP-API/LWA server and a redirect target on another origin (both reset
/// per scenario), the secrets to look for, a full pipeline factory, and the finding counters.
/// </summary>
internal sealed class FaultRun(HostileServer server, HostileServer elsewhere, CancellationToken cancellationToken)
{
    public const string ClientSecret = "fault-client-secret-7Q2W";
    public const string RefreshToken = "Atzr|fault-refresh-token-9X3Z";
    public const string AccessToken = "Atza|fault-access-token-4K8M";
    public const string RestrictedDataToken = "Atz.sprdt|fault-rdt-6H1J";
    public const string LwaPath = "/auth/o2/token";

    /// <summary>Values that must never reach the redirect target, a log or an exception message.</summary>
    public static readonly string[] Secrets = [ClientSecret, RefreshToken, AccessToken, RestrictedDataToken];

    public HostileServer Server { get; } = server;

    /// <summary>Another origin (a redirect target): nothing carrying a token may arrive here.</summary>
    public HostileServer Elsewhere { get; } = elsewhere;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The model generator to run hostile models through (<c>--generator</c>); null: found beside spapi or in the repository.</summary>
    public string? GeneratorPath { get; init; }

    public FaultFindings Findings { get; } = new();

    /// <summary>
    /// A full pipeline (AddSellingPartnerApi, IHttpClientFactory, real sockets) whose SP-API and LWA are
    /// <see cref="Server"/>; LWA answers <see cref="AccessToken"/> unless the scenario's behaviour says otherwise.
    /// Retry and rate-limit timings are shortened so the suite runs in seconds.
    /// </summary>
    public ServiceProvider CreatePipeline(Action<Auth.SellingPartnerOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddSellingPartnerApi(o =>
        {
            o.ClientId = "amzn1.application-oa2-client.faults";
            o.ClientSecret = ClientSecret;
            o.RefreshToken = RefreshToken;
            o.BaseAddress = Server.BaseAddress.ToString();
            o.AllowLoopbackBaseAddress = true;
            o.LwaEndpoint = new Uri(Server.BaseAddress, LwaPath).ToString();
            // getOrder is restricted: scenarios ask for RDTs explicitly (RestrictedData.Request) when they probe them.
            o.AutomaticRestrictedDataTokens = false;
            o.RateLimiting = new RateLimitHandlerOptions { DefaultPlan = new UsagePlan(50, 5), MaxWait = TimeSpan.FromSeconds(20) };
            o.RateLimiting.PlanOverrides.Clear();
            o.Retry = new Auth.Resilience.RetryHandlerOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), MaxTotalTime = TimeSpan.FromSeconds(10) };
            configure?.Invoke(o);
        });
        services?.Invoke(collection);
        var provider = collection.BuildServiceProvider();
        // Plans documented in the models are slow for a bench: every operation gets the fast default here.
        try
        {
            var limits = provider.GetRequiredService<IOptions<Auth.SellingPartnerOptions>>().Value.RateLimiting;
            foreach (var op in SpApi.Clients.SpApiOperationCatalog.Instance.All)
                limits.PlanOverrides.TryAdd(op.Key, limits.DefaultPlan);
        }
        catch (OptionsValidationException)
        {
            // A scenario probing invalid options: the first call reports it.
        }
        return provider;
    }

    /// <summary>LWA answers a good token; SP-API answers <paramref name="spApi"/>.</summary>
    public void Answer(Func<Microsoft.AspNetCore.Http.HttpContext, Task> spApi, Func<Microsoft.AspNetCore.Http.HttpContext, Task>? lwa = null)
    {
        lwa ??= ctx => HostileServer.WriteAsync(ctx, 200, $$"""{"access_token":"{{AccessToken}}","token_type":"bearer","expires_in":3600}""");
        Server.Reset(ctx => ctx.Request.Path.Value == LwaPath ? lwa(ctx) : spApi(ctx));
        Elsewhere.Reset(ctx => HostileServer.WriteAsync(ctx, 200, "{}"));
    }

    /// <summary>Runs <paramref name="call"/>, which must fail with <typeparamref name="TExpected"/>; other outcomes are findings.</summary>
    public async Task<TExpected?> ExpectAsync<TExpected>(string what, Func<Task> call) where TExpected : Exception
    {
        try
        {
            await call();
            Note($"{what}: succeeded, expected {typeof(TExpected).Name}");
            Findings.UntypedErrors++;
            return null;
        }
        catch (TExpected e)
        {
            CheckMessage(what, e);
            return e;
        }
        catch (Exception e)
        {
            CheckMessage(what, e);
            Note($"{what}: {e.GetType().Name} ({First(e.Message)}), expected {typeof(TExpected).Name}");
            Findings.UntypedErrors++;
            return null;
        }
    }

    /// <summary>Runs <paramref name="call"/>, which must succeed (or be paced away with RateLimitExceededException).</summary>
    public async Task SucceedsAsync(string what, Func<Task> call)
    {
        var e = await TypedOutcomeAsync(what, call);
        if (e is null or RateLimitExceededException || !IsDocumented(e)) return;
        Findings.UntypedErrors++;
        Note($"{what}: {e.GetType().Name} ({First(e.Message)}), expected success");
    }

    /// <summary>Runs <paramref name="call"/>; success or a documented exception is fine, anything else is an untyped error.</summary>
    public async Task<Exception?> TypedOutcomeAsync(string what, Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception e)
        {
            CheckMessage(what, e);
            if (!IsDocumented(e))
            {
                Note($"{what}: untyped {e.GetType().FullName} ({First(e.Message)})");
                Findings.UntypedErrors++;
            }
            return e;
        }
    }

    /// <summary>The exception types the docs promise (docs/security.md). ArgumentOutOfRange and friends are not among them.</summary>
    public static bool IsDocumented(Exception e) => e switch
    {
        SpApiException or LwaException or RateLimitExceededException or UnexpectedRedirectException or InvalidTokenException
            or PathTemplateMismatchException or InsecureDestinationException or OptionsValidationException => true,
        ArgumentNullException => e.GetType() == typeof(ArgumentNullException),
        ArgumentException => e.GetType() == typeof(ArgumentException),
        OperationCanceledException => true,
        // No answer at all (connection refused, reset before the headers): .NET's transport error, as for any HttpClient.
        HttpRequestException => e.GetType() == typeof(HttpRequestException),
        _ => false,
    };

    /// <summary>Counts requests that reached the other origin with a token or secret, and secrets in headers of <see cref="Server"/> beyond the token header.</summary>
    public void CheckNoLeaks()
    {
        foreach (var r in Elsewhere.Seen)
            if (Carries(r, out var which))
            {
                Findings.TokenLeaks++;
                Note($"{which} reached {Elsewhere.BaseAddress} ({r.Method} {r.Path})");
            }
        foreach (var r in Server.Seen)
            foreach (var (name, value) in r.Headers)
                if (name.StartsWith("x-injected", StringComparison.OrdinalIgnoreCase) || value.Contains('\n') || value.Contains('\r'))
                {
                    Findings.TokenLeaks++;
                    Note($"header injection reached the server: {name}");
                }
    }

    /// <summary>Counts requests to <see cref="Server"/> (LWA excluded) whose path does not fit <paramref name="operation"/>.</summary>
    public void CheckOperation(OperationMetadata operation)
    {
        foreach (var r in Server.Seen.Where(r => r.Path != LwaPath && !r.Path.StartsWith("/tokens/", StringComparison.Ordinal)))
            if (!string.Equals(r.Method, operation.Method, StringComparison.OrdinalIgnoreCase) || !SpApiPath.Fits(operation, r.Path))
            {
                Findings.WrongOperation++;
                Note($"{operation.Key} went out as {r.Method} {r.Path}");
            }
    }

    /// <summary>Requests that reached <see cref="Server"/>'s SP-API side (LWA excluded).</summary>
    public int SpApiRequests => Server.Seen.Count(r => r.Path != LwaPath);

    public int LwaRequests => Server.Seen.Count(r => r.Path == LwaPath);

    /// <summary>getOrder (deprecated in the model, still the plainest GET with a path argument), in one place.</summary>
#pragma warning disable CS0612
    public static Task GetOrderAsync(SpApi.Orders.V0.IOrdersClient orders, string orderId, CancellationToken cancellationToken) =>
        orders.GetOrderAsync(orderId, cancellationToken);
#pragma warning restore CS0612

    public void Note(string note)
    {
        lock (Findings.Notes) Findings.Notes.Add(note);
    }

    /// <summary>The scenario could not test anything (e.g. no generator): it neither survives nor fails, and says why.</summary>
    public void Skip(string reason)
    {
        Findings.Skipped = true;
        Note("skipped: " + reason);
    }

    private void CheckMessage(string what, Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
            foreach (var secret in Secrets)
                if ((x.Message + x.ToString()).Contains(secret, StringComparison.Ordinal))
                {
                    Findings.TokenLeaks++;
                    Note($"{what}: a secret appears in {x.GetType().Name}");
                    return;
                }
    }

    private static bool Carries(SeenRequest r, out string which)
    {
        foreach (var secret in Secrets)
            if (r.Headers.Values.Any(v => v.Contains(secret, StringComparison.Ordinal)) || r.Query.Contains(secret, StringComparison.Ordinal))
            {
                which = "a secret";
                return true;
            }
        which = r.Headers.ContainsKey(AuthHandler.AccessTokenHeader) ? "x-amz-access-token" : "";
        return which.Length > 0;
    }

    private static string First(string s) => s.Length <= 160 ? s : s[..160] + "…";
}
