using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using SpApi.Runtime;

namespace SpApi.Cli.Bench.RateLimit;

/// <summary>
/// An in-process stand-in for SP-API's throttling: one exact, continuous token bucket per seller (created full on
/// the seller's first request, as Amazon's is), 200 when a token is free and <c>429 QuotaExceeded</c> otherwise.
/// Every response carries <c>x-amzn-RequestId</c> and <c>x-amzn-RateLimit-Limit</c> with the seller's rate.
/// The seller is read from the request options (the real service knows it from the access token).
/// </summary>
public sealed class PlanEnforcingHandler : HttpMessageHandler
{
    private const string QuotaExceededBody =
        "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for the requested resource.\",\"details\":\"\"}]}";

    private readonly ConcurrentDictionary<string, ServerBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Func<string, UsagePlan> _planFor;
    private readonly TimeProvider _time;
    private long _requestIds;

    /// <param name="planFor">The plan the server enforces for a seller (name, "" for the default seller).</param>
    /// <param name="timeProvider">Clock of the buckets; <see cref="TimeProvider.System"/> when null.</param>
    public PlanEnforcingHandler(Func<string, UsagePlan> planFor, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(planFor);
        _planFor = planFor;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Requests accepted and throttled so far for <paramref name="seller"/>.</summary>
    public (int Accepted, int Throttled) CountsFor(string? seller) =>
        _buckets.TryGetValue(seller ?? "", out var bucket) ? bucket.Counts : (0, 0);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var seller = request.GetSeller() ?? "";
        var bucket = _buckets.GetOrAdd(seller, static (s, self) => new ServerBucket(self._planFor(s), self._time), this);
        var accepted = bucket.TryTake();
        var response = accepted
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"payload\":{}}", Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent(QuotaExceededBody, Encoding.UTF8, "application/json") };
        response.RequestMessage = request;
        response.Headers.Add("x-amzn-RequestId", $"bench-{Interlocked.Increment(ref _requestIds)}");
        response.Headers.Add("x-amzn-RateLimit-Limit", bucket.Plan.Rate.ToString(CultureInfo.InvariantCulture));
        return Task.FromResult(response);
    }

    private sealed class ServerBucket(UsagePlan plan, TimeProvider time)
    {
        private double _tokens = plan.Burst;
        private long _last = time.GetTimestamp();
        private int _accepted;
        private int _throttled;

        public UsagePlan Plan => plan;

        public (int, int) Counts
        {
            get { lock (this) return (_accepted, _throttled); }
        }

        public bool TryTake()
        {
            lock (this)
            {
                var now = time.GetTimestamp();
                _tokens = Math.Min(plan.Burst, _tokens + (now - _last) * plan.Rate / time.TimestampFrequency);
                _last = now;
                // A hair of tolerance for floating-point error at the exact refill instant.
                if (_tokens >= 1 - 1e-9)
                {
                    _tokens -= 1;
                    _accepted++;
                    return true;
                }
                _throttled++;
                return false;
            }
        }
    }
}
