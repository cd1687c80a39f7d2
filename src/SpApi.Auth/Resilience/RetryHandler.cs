using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using SpApi.Auth.Telemetry;
using SpApi.Runtime;

namespace SpApi.Auth.Resilience;

/// <summary>
/// Retries SP-API calls with a Polly v8 pipeline (outside the rate limiter, so every attempt is paced):
/// 429 for every operation; 408/5xx and transport errors only for replayable operations (see
/// <see cref="RetryHandlerOptions.ReplayableOperations"/>). Honours Retry-After, backs off exponentially with
/// jitter otherwise, and stops at the attempt cap, the total-time cap or when the <see cref="RetryBudget"/> is spent.
/// The first attempt runs without Polly (most calls succeed at once; the pipeline is built and entered only when an
/// attempt fails or an attempt timeout is set), so the rules see the same attempts at a lower start-up cost.
/// The request body is buffered so a replay sends the same bytes; discarded responses are disposed. When no retry
/// is allowed the last response is returned as is, so the generated client throws its <see cref="SpApiException"/>.
/// </summary>
public sealed class RetryHandler : DelegatingHandler
{
    private readonly RetryHandlerOptions _options;
    private readonly RetryBudget _budget;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RetryPolicy _policy;
    private PollyRetries? _retries;

    /// <param name="options">Retry rules; validated here.</param>
    /// <param name="budget">The application's shared budget (a singleton); a private one is made when null.</param>
    /// <param name="timeProvider">Clock for delays and caps; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Retry events; never logs headers or bodies.</param>
    public RetryHandler(RetryHandlerOptions options, RetryBudget? budget = null, TimeProvider? timeProvider = null,
        ILogger<RetryHandler>? logger = null)
        : this(options, budget, timeProvider, logger, static () => Random.Shared.NextDouble())
    {
    }

    internal RetryHandler(RetryHandlerOptions options, RetryBudget? budget, TimeProvider? timeProvider,
        ILogger<RetryHandler>? logger, Func<double> random)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _budget = budget ?? new RetryBudget(options, _time);
        _logger = logger ?? NullLogger<RetryHandler>.Instance;
        _policy = new RetryPolicy(options, _budget, _time, random);
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A replay must resend the same bytes, even for a one-shot stream.
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);

        var call = new RetryCall(request, request.GetOperation(), SpApiCallState.GetOrCreate(request), _time.GetTimestamp(), cancellationToken);
        _budget.RecordCall(call.Seller);
        if (_options.AttemptTimeout is not null) return await Retries().ExecuteAsync(call, first: null).ConfigureAwait(false);

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return await Retries().ExecuteAsync(call, FirstAttempt.Failed(e)).ConfigureAwait(false);
        }
        return _policy.IsFault(response) ? await Retries().ExecuteAsync(call, FirstAttempt.Answered(response)).ConfigureAwait(false) : response;
    }

    private PollyRetries Retries() => Volatile.Read(ref _retries) ?? LazyInitializer.EnsureInitialized(ref _retries, () => new PollyRetries(this));

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    /// <summary>The outcome of the attempt made before Polly was entered: Polly sees it as its first attempt (nothing is re-sent).</summary>
    private sealed class FirstAttempt
    {
        private HttpResponseMessage? _response;
        private ExceptionDispatchInfo? _error;

        public static FirstAttempt Answered(HttpResponseMessage response) => new() { _response = response };

        public static FirstAttempt Failed(Exception error) => new() { _error = ExceptionDispatchInfo.Capture(error) };

        /// <summary>The first attempt's answer (or its exception, rethrown) once; false afterwards.</summary>
        public bool TryTake(out HttpResponseMessage? response)
        {
            response = Interlocked.Exchange(ref _response, null);
            var error = Interlocked.Exchange(ref _error, null);
            error?.Throw();
            return response is not null;
        }
    }

    /// <summary>The Polly v8 pipeline: retries with the delays <see cref="RetryPolicy"/> decides, and the attempt timeout.</summary>
    private sealed class PollyRetries
    {
        private static readonly ResiliencePropertyKey<RetryCall> CallKey = new("SpApi.RetryCall");
        private static readonly ResiliencePropertyKey<RetryDecision> DecisionKey = new("SpApi.RetryDecision");

        private readonly RetryHandler _handler;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

        public PollyRetries(RetryHandler handler)
        {
            _handler = handler;
            var options = handler._options;
            var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = handler._time };
            if (options.MaxRetryAttempts > 0)
            {
                builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Constant,
                    UseJitter = false,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.AttemptNumber, args.Context)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(DecisionKey, default).Delay),
                    OnRetry = args =>
                    {
                        OnRetry(args.Outcome, args.AttemptNumber, args.RetryDelay, args.Context);
                        return default;
                    },
                });
            }
            if (options.AttemptTimeout is { } timeout) builder.AddTimeout(timeout);
            _pipeline = builder.Build();
        }

        public async Task<HttpResponseMessage> ExecuteAsync(RetryCall call, FirstAttempt? first)
        {
            var context = ResilienceContextPool.Shared.Get(call.CancellationToken);
            context.Properties.Set(CallKey, call);
            try
            {
                return await _pipeline.ExecuteAsync(
                    static (ctx, s) => s.First is { } f && f.TryTake(out var answered)
                        ? new ValueTask<HttpResponseMessage>(answered!)
                        : new ValueTask<HttpResponseMessage>(s.Handler.SendAttemptAsync(s.Call.Request, ctx.CancellationToken)),
                    context, (Handler: _handler, Call: call, First: first)).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, ResilienceContext context)
        {
            var call = context.Properties.GetValue(CallKey, null!);
            var decision = _handler._policy.Decide(outcome, attemptNumber, call);
            context.Properties.Set(DecisionKey, decision);
            if (decision.WhyNot is { } why)
            {
                var operation = CallLabels.Operation(call.Request);
                var seller = CallLabels.Seller(call.Request);
                if (decision.BudgetExhausted) TelemetryLog.RetryBudgetExhausted(_handler._logger, operation, seller, decision.Reason);
                else TelemetryLog.RetryNotAllowed(_handler._logger, operation, seller, decision.Reason, why);
            }
            return decision.Retry;
        }

        private void OnRetry(Outcome<HttpResponseMessage> outcome, int attemptNumber, TimeSpan delay, ResilienceContext context)
        {
            var call = context.Properties.GetValue(CallKey, null!);
            var reason = context.Properties.GetValue(DecisionKey, default).Reason;
            call.State.Retries++;
            call.State.LastRetryReason = reason;
            TelemetryLog.RetryScheduled(_handler._logger, CallLabels.Operation(call.Request), CallLabels.Seller(call.Request),
                attemptNumber + 1, reason, delay.TotalMilliseconds, CallLabels.RequestId(outcome.Result));
        }
    }
}
