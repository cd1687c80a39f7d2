using System.Collections.Concurrent;
using System.Reflection;
using SpApi.Auth;
using SpApi.Clients;
using SpApi.Runtime;
using SpApi.Sandbox;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Stats;

namespace SpApi.Cli.Smoke;

/// <summary>
/// A connection for smoke runs: the embedded sandbox (local target) or an Amazon sandbox endpoint, reached
/// through the full SpApi.Auth pipeline, with one instance of each generated client. <see cref="RunCaseAsync"/>
/// sends one case through its typed client method and judges the result.
/// </summary>
public sealed class SmokeSession : IAsyncDisposable
{
    private static readonly MethodInfo GetClient = typeof(SellingPartnerClient).GetMethod(nameof(SellingPartnerClient.Get))!;

    private readonly SandboxServer? _server;
    private readonly SellingPartnerClient _pipeline;
    private readonly ClientOperationIndex _index = ClientOperationIndex.Generated;
    private readonly ConcurrentDictionary<Type, object> _clients = new();

    private SmokeSession(SmokeSessionOptions options, SandboxServer? server, SellingPartnerClient pipeline)
    {
        Options = options;
        _server = server;
        _pipeline = pipeline;
    }

    public SmokeSessionOptions Options { get; }

    /// <summary>The embedded sandbox of a local session, else null.</summary>
    public SandboxServer? Server => _server;

    public static async Task<SmokeSession> StartAsync(SmokeSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Target.IsLocal)
        {
            var credentials = options.Credentials ?? throw new ArgumentException($"Target {options.Target.Name} needs credentials.", nameof(options));
            return new SmokeSession(options, null, SmokePipeline.Create(options.Target, credentials, null, options.RateScale, sendCaseHeader: false, options.ConfigurePipeline));
        }

        var server = await SandboxServer.StartAsync(new SandboxOptions
        {
            Cases = options.Cases,
            Catalog = SpApiOperationCatalog.Instance,
            RateScale = options.RateScale,
            TimeProvider = options.TimeProvider,
            WithoutRestrictedRoles = options.WithoutRestrictedRoles,
        }, cancellationToken);
        var seller = SandboxCredential.Default;
        var pipeline = SmokePipeline.Create(options.Target, new SmokeCredentials(seller.ClientId, seller.ClientSecret, seller.RefreshToken),
            server, options.RateScale, sendCaseHeader: true, options.ConfigurePipeline);
        return new SmokeSession(options, server, pipeline);
    }

    /// <summary>Sends one case through its generated client method and judges the outcome. Never throws for a failing case.</summary>
    public async Task<SmokeCaseResult> RunCaseAsync(SandboxCase c, CancellationToken cancellationToken)
    {
        var operation = _index.Find(c.ModelFile, c.OperationId);
        if (operation is null)
            return Result(c, "?", SmokeOutcome.Skipped, $"no generated client method for {c.OperationId} ({c.ModelFile})", []);
        var api = $"{operation.Metadata.Api} {operation.Metadata.Version}";

        BoundCall bound;
        try
        {
            bound = CaseArgumentBinder.Bind(c, operation, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Result(c, api, SmokeOutcome.Failed, $"cannot bind the case to {operation.Method.Name}: {e.Message}", []);
        }

        var client = _clients.GetOrAdd(operation.Client, _ => GetClient.MakeGenericMethod(Interface(operation.Client)).Invoke(_pipeline, null)!);
        using var callScope = SmokeCallContext.Begin(bound.Call);
        var notes = new List<string>(bound.Notes);
        string? error;
        var outcome = SmokeOutcome.Failed;
        try
        {
            var task = (Task)operation.Method.Invoke(client, bound.Arguments)!;
            await task;
            var hasResult = operation.Method.ReturnType.IsGenericType;
            var result = hasResult ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            error = CaseVerdict.Success(c, hasResult, result, bound.Call.ObservedStatus, notes);
        }
        catch (Exception e) when (Unwrap(e) is SpApiException spApi && RestrictedDataSkip.Reason(c, spApi) is { } skipped)
        {
            (error, outcome) = (skipped, SmokeOutcome.Skipped);
        }
        catch (Exception e) when (Unwrap(e) is SpApiException spApi)
        {
            error = CaseVerdict.Error(c, spApi);
        }
        catch (Exception e) when (Unwrap(e) is ArgumentException refused && c.ExpectedStatus >= 400
                                  && refused.Message.StartsWith("Path parameter", StringComparison.Ordinal))
        {
            // An error case with an empty or dot path argument: the client refuses it before sending (docs/security.md).
            notes.Add("refused before sending: " + refused.Message);
            error = null;
        }
        catch (Exception e) when (Unwrap(e) is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var inner = Unwrap(e);
            error = $"{inner.GetType().Name}: {inner.Message}";
        }
        return Result(c, api, error is null ? SmokeOutcome.Passed : outcome, error, notes);
    }

    /// <summary>The embedded sandbox's counters (local target), else null.</summary>
    public SandboxStatsSnapshot? ServerStats() => _server?.Stats.Snapshot();

    private static Type Interface(Type implementation) =>
        GeneratedClients.All.Single(c => c.Implementation == implementation).Interface;

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;

    private static SmokeCaseResult Result(SandboxCase c, string api, SmokeOutcome outcome, string? error, IReadOnlyList<string> notes) =>
        new(c.ModelFile, c.OperationId, c.Index, api, c.ExpectedStatus, outcome, error, notes);

    public async ValueTask DisposeAsync()
    {
        await _pipeline.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}
