using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RestSharp;

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
            var response = await SendAsync(app, grantType, fields, ct).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            // RestSharp marks non-2xx answers as errors too; no status code means no answer at all.
            var transportFailure = status == 0;
            if (!transportFailure && status is >= 200 and < 300)
                return ParseToken(response.Content, grantType, status);

            if (!transportFailure && status < 500)
                throw ParseError(response.Content, grantType, status);

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

    private async Task<RestResponse> SendAsync(LwaCredentials app, string grantType, (string Name, string Value)[] fields, CancellationToken ct)
    {
        using var client = new RestClient(_httpClient(), new RestClientOptions(_options.Endpoint) { ThrowOnAnyError = false }, disposeHttpClient: false);
        var request = new RestRequest("", Method.Post) { AlwaysMultipartFormData = false };
        request.AddHeader("Accept", "application/json");
        request.AddParameter("grant_type", grantType, ParameterType.GetOrPost);
        foreach (var (name, value) in fields) request.AddParameter(name, value, ParameterType.GetOrPost);
        request.AddParameter("client_id", app.ClientId, ParameterType.GetOrPost);
        request.AddParameter("client_secret", app.ClientSecret, ParameterType.GetOrPost);
        var response = await client.ExecuteAsync(request, ct).ConfigureAwait(false);
        if (response.ResponseStatus == ResponseStatus.Aborted) ct.ThrowIfCancellationRequested();
        return response;
    }

    private static LwaToken ParseToken(string? body, string grantType, int status)
    {
        try
        {
            using var json = JsonDocument.Parse(body ?? "");
            var root = json.RootElement;
            var accessToken = root.TryGetProperty("access_token", out var at) ? at.GetString() : null;
            if (string.IsNullOrEmpty(accessToken) || !root.TryGetProperty("expires_in", out var exp) || !exp.TryGetInt32(out var seconds) || seconds <= 0)
                throw new LwaException("invalid_response", "The token response has no access_token or a positive expires_in.", status, grantType);
            var tokenType = root.TryGetProperty("token_type", out var tt) ? tt.GetString() ?? "bearer" : "bearer";
            var refresh = root.TryGetProperty("refresh_token", out var rt) ? rt.GetString() : null;
            return new LwaToken(accessToken, tokenType, TimeSpan.FromSeconds(seconds), refresh);
        }
        catch (JsonException)
        {
            // The body may hold a token: neither quote it nor keep the parser's exception.
            throw new LwaException("invalid_response", "The token response is not valid JSON.", status, grantType);
        }
    }

    private static LwaException ParseError(string? body, string grantType, int status)
    {
        string? error = null, description = null;
        try
        {
            using var json = JsonDocument.Parse(body ?? "");
            if (json.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (json.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String) error = e.GetString();
                if (json.RootElement.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String) description = d.GetString();
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page): fall back to the status code below.
        }
        error ??= status == (int)HttpStatusCode.TooManyRequests ? "too_many_requests" : $"http_{status}";
        return new LwaException(error, description, status, grantType);
    }
}
