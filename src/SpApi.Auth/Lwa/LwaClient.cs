using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RestSharp;
using RestSharp.Serializers;

namespace SpApi.Auth.Lwa;

/// <summary>
/// Login with Amazon token client (RestSharp, form-urlencoded POST). Refusals become <see cref="LwaException"/>
/// at once; only transport failures and 5xx answers are retried, a bounded number of times.
/// </summary>
public sealed class LwaClient : ILwaClient
{
    private readonly Func<HttpClient> _httpClient;
    private readonly LwaClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the client; <paramref name="httpClient"/> supplies the HttpClient for one token request (e.g. from IHttpClientFactory).</summary>
    public LwaClient(Func<HttpClient> httpClient, LwaClientOptions options, TimeProvider timeProvider, ILogger<LwaClient>? logger = null)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? NullLogger<LwaClient>.Instance;
    }

    /// <summary>An access token for a seller: the <c>refresh_token</c> grant.</summary>
    public Task<LwaToken> RefreshAsync(LwaCredentials app, string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return RequestAsync(app, "refresh_token", [("refresh_token", refreshToken)], cancellationToken);
    }

    /// <summary>A grantless token for <paramref name="scope"/>: the <c>client_credentials</c> grant.</summary>
    public Task<LwaToken> ClientCredentialsAsync(LwaCredentials app, string scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        return RequestAsync(app, "client_credentials", [("scope", scope)], cancellationToken);
    }

    /// <summary>Exchanges an authorization code from the consent page for a refresh token: the <c>authorization_code</c> grant.</summary>
    public Task<LwaToken> ExchangeCodeAsync(LwaCredentials app, string code, Uri? redirectUri, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        (string, string)[] fields = redirectUri is null
            ? [("code", code)]
            : [("code", code), ("redirect_uri", redirectUri.AbsoluteUri)];
        return RequestAsync(app, "authorization_code", fields, cancellationToken);
    }

    private async Task<LwaToken> RequestAsync(LwaCredentials app, string grantType, (string Name, string Value)[] fields, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(app);
        for (var attempt = 0; ; attempt++)
        {
            // One async method for the whole exchange (no per-attempt helper): each async method costs start-up JIT time.
            RestResponse response;
            string? body;
            bool truncated;
            using (var client = new RestClient(_httpClient(), new RestClientOptions(_options.Endpoint) { ThrowOnAnyError = false, FollowRedirects = false },
                disposeHttpClient: false, configureSerialization: static s => s.UseOnlySerializer(static () => FormOnlySerializer.Instance)))
            {
                var cap = new LwaBodyCap();
                response = await client.ExecuteAsync(TokenRequest(app, grantType, fields, cap), ct).ConfigureAwait(false);
                if (response.ResponseStatus == ResponseStatus.Aborted) ct.ThrowIfCancellationRequested();
                (body, truncated) = (cap.Text, cap.Truncated);
            }
            var status = (int)response.StatusCode;
            RefuseRedirect(response, grantType, status);
            // RestSharp marks non-2xx answers as errors too; no status code means no answer at all.
            var transportFailure = status == 0;
            if (!transportFailure && status is >= 200 and < 300)
                return LwaResponseParser.ParseToken(body, grantType, status, truncated);

            if (!transportFailure && status < 500)
                throw LwaResponseParser.ParseError(body, grantType, status, truncated);

            // Transport failure or 5xx: LWA did not decide anything, so asking again is safe.
            ct.ThrowIfCancellationRequested();
            if (attempt >= _options.RetryDelays.Count)
                throw new LwaException(LwaException.UnavailableError,
                    transportFailure ? "Login with Amazon could not be reached." : "Login with Amazon answered with a server error.",
                    transportFailure ? null : status, grantType, response.ErrorException);

            var delay = _options.RetryDelays[attempt];
            _logger.LogWarning("LWA {GrantType} attempt {Attempt} failed ({Status}); retrying in {Delay}.",
                grantType, attempt + 1, transportFailure ? "transport failure" : $"HTTP {status}", delay);
            await Task.Delay(delay, _time, ct).ConfigureAwait(false);
        }
    }

    private static RestRequest TokenRequest(LwaCredentials app, string grantType, (string Name, string Value)[] fields, LwaBodyCap cap)
    {
        var request = new RestRequest("", Method.Post)
        {
            AlwaysMultipartFormData = false,
            // Read the answer from the wire through a 1 MB cap, not into HttpClient's buffer first.
            CompletionOption = HttpCompletionOption.ResponseHeadersRead,
            ResponseWriter = cap.Read,
        };
        request.AddHeader("Accept", "application/json");
        request.AddParameter("grant_type", grantType, ParameterType.GetOrPost);
        foreach (var (name, value) in fields) request.AddParameter(name, value, ParameterType.GetOrPost);
        request.AddParameter("client_id", app.ClientId, ParameterType.GetOrPost);
        request.AddParameter("client_secret", app.ClientSecret, ParameterType.GetOrPost);
        return request;
    }

    /// <summary>
    /// LWA never redirects; following one would re-post the client secret and refresh token to another origin.
    /// Neither RestSharp (which follows redirects itself by default) nor the LWA HttpClient follows them; this also
    /// catches a caller-supplied HttpClient that did, so its answer is never taken as a token.
    /// </summary>
    private void RefuseRedirect(RestResponse response, string grantType, int status)
    {
        var location = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Location", StringComparison.OrdinalIgnoreCase))?.Value;
        if (status is >= 300 and < 400)
            throw new LwaException(LwaException.RedirectError,
                $"Login with Amazon at {Origin(_options.Endpoint)} answered with a redirect to {Origin(location, _options.Endpoint)}; redirects are never followed and nothing was re-sent.",
                status, grantType);
        if (response.ResponseUri is { } answered && Origin(answered) != Origin(_options.Endpoint))
            throw new LwaException(LwaException.RedirectError,
                $"The token answer came from {Origin(answered)}, not {Origin(_options.Endpoint)}: the HttpClient followed a redirect. Use an HttpClient that does not follow redirects.",
                status, grantType);
    }

    // Only scheme, host and port: a redirect target's path or query may carry a code or token.
    private static string Origin(Uri uri) => uri.IsAbsoluteUri ? uri.GetLeftPart(UriPartial.Authority) : "(relative)";

    private static string Origin(string? location, Uri endpoint) =>
        location is null ? "(no Location header)"
        : Uri.TryCreate(endpoint, location, out var target) ? Origin(target) : "(an invalid Location)";
}
