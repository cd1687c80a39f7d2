using System.Collections.Concurrent;
using System.Reflection;
using SpApi.Clients;
using SpApi.Runtime;
using SpApi.Sandbox;
using SpApi.Sandbox.Auth;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Stats;

namespace SpApi.Cli.Smoke;

/// <summary>
/// A connection for smoke runs: the embedded sandbox (local target) or an Amazon sandbox endpoint, one
/// HttpClient through the auth stage, and one instance of each generated client. <see cref="RunCaseAsync"/>
/// sends one case through its typed client method and judges the result.
/// </summary>
public sealed class SmokeSession : IAsyncDisposable
{
    private readonly SandboxServer? _server;
    private readonly HttpClient _http;
    private readonly HttpClient _tokenHttp;
    private readonly ClientOperationIndex _index = ClientOperationIndex.Generated;
    private readonly ConcurrentDictionary<Type, object> _clients = new();
    private readonly RestrictedResourceRules _rules = RestrictedResourceRules.Default;

    private SmokeSession(SmokeSessionOptions options, SandboxServer? server, HttpClient http, HttpClient tokenHttp)
    {
        Options = options;
        _server = server;
        _http = http;
        _tokenHttp = tokenHttp;
    }

    public SmokeSessionOptions Options { get; }

    /// <summary>The embedded sandbox of a local session, else null.</summary>
    public SandboxServer? Server => _server;

    public static async Task<SmokeSession> StartAsync(SmokeSessionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        SandboxServer? server = null;
        Uri baseAddress, tokenEndpoint;
        SmokeCredentials credentials;
        if (options.Target.IsLocal)
        {
            var sandboxOptions = new SandboxOptions
            {
                Cases = options.Cases,
                Catalog = SpApiOperationCatalog.Instance,
                RateScale = options.RateScale,
                TimeProvider = options.TimeProvider,
            };
            server = await SandboxServer.StartAsync(sandboxOptions, cancellationToken);
            var seller = SandboxCredential.Default;
            credentials = new SmokeCredentials(seller.ClientId, seller.ClientSecret, seller.RefreshToken);
            (baseAddress, tokenEndpoint) = (server.BaseAddress, server.TokenEndpoint);
        }
        else
        {
            credentials = options.Credentials ?? throw new ArgumentException($"Target {options.Target.Name} needs credentials.", nameof(options));
            (baseAddress, tokenEndpoint) = (options.Target.BaseAddress!, options.Target.TokenEndpoint!);
        }

        var tokenHttp = new HttpClient { Timeout = options.Timeout };
        var rules = RestrictedResourceRules.Default;
        HttpMessageHandler transport = new SmokeWireHandler(sendCaseHeader: options.Target.IsLocal) { InnerHandler = new SocketsHttpHandler() };
        if (!options.Target.IsLocal) transport = new SmokePacingHandler { InnerHandler = transport };
        var auth = new SmokeAuthHandler(credentials, tokenEndpoint, tokenHttp,
            op => new RdtRequest(rules.AllowsGenericPath(op.Key), rules.DataElementsFor(op.Key)), options.TimeProvider)
        {
            InnerHandler = transport,
        };
        var http = new HttpClient(auth) { BaseAddress = baseAddress, Timeout = options.Timeout };
        return new SmokeSession(options, server, http, tokenHttp);
    }

    /// <summary>The metadata of a case's operation, or null when no generated client has it.</summary>
    public OperationMetadata? FindOperation(SandboxCase c) => _index.Find(c.ModelFile, c.OperationId)?.Metadata;

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
            bound = CaseArgumentBinder.Bind(c, operation.Method, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Result(c, api, SmokeOutcome.Failed, $"cannot bind the case to {operation.Method.Name}: {e.Message}", []);
        }

        var client = _clients.GetOrAdd(operation.Client, t => Activator.CreateInstance(t, _http)!);
        var elements = operation.Metadata.Restricted ? _rules.DataElementsFor(operation.Metadata.Key) : [];
        using var callScope = SmokeCallContext.Begin(bound.Call);
        using var optionsScope = SpApiCall.With(new SpApiCallOptions { DataElements = elements.Count > 0 ? elements : null });
        var notes = new List<string>(bound.Notes);
        string? error;
        try
        {
            var task = (Task)operation.Method.Invoke(client, bound.Arguments)!;
            await task;
            var hasResult = operation.Method.ReturnType.IsGenericType;
            var result = hasResult ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
            error = CaseVerdict.Success(c, hasResult, result, bound.Call.ObservedStatus, notes);
        }
        catch (Exception e) when (Unwrap(e) is SpApiException spApi)
        {
            error = CaseVerdict.Error(c, spApi);
        }
        catch (Exception e) when (Unwrap(e) is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var inner = Unwrap(e);
            error = $"{inner.GetType().Name}: {inner.Message}";
        }
        return Result(c, api, error is null ? SmokeOutcome.Passed : SmokeOutcome.Failed, error, notes);
    }

    /// <summary>The embedded sandbox's counters (local target), else null.</summary>
    public SandboxStatsSnapshot? ServerStats() => _server?.Stats.Snapshot();

    private static Exception Unwrap(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;

    private static SmokeCaseResult Result(SandboxCase c, string api, SmokeOutcome outcome, string? error, IReadOnlyList<string> notes) =>
        new(c.ModelFile, c.OperationId, c.Index, api, c.ExpectedStatus, outcome, error, notes);

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        _tokenHttp.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
