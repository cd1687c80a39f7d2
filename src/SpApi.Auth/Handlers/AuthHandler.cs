using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpApi.Auth.Endpoints;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tokens;
using SpApi.Runtime;

namespace SpApi.Auth.Handlers;

/// <summary>
/// The auth stage of the SP-API pipeline (innermost, once per attempt): picks the seller, sends the call to that
/// seller's endpoint, refuses any destination that may not receive tokens, attaches the right token
/// (LWA, RDT or grantless) with <c>x-amz-access-token</c>, <c>x-amz-date</c> and <c>user-agent</c>, and when SP-API
/// answers that the access token expired or is invalid, forgets that token and replays the call once.
/// </summary>
internal sealed class AuthHandler : DelegatingHandler
{
    /// <summary>Header carrying the LWA access token or RDT.</summary>
    public const string AccessTokenHeader = "x-amz-access-token";

    /// <summary>Header carrying the request time, UTC, <c>yyyyMMddTHHmmssZ</c>.</summary>
    public const string DateHeader = "x-amz-date";

    private readonly AuthHandlerOptions _options;
    private readonly ISellerRegistry _sellers;
    private readonly RequestTokenSelector _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _userAgent;

    public AuthHandler(AuthHandlerOptions options, ISellerRegistry sellers, RequestTokenSelector tokens, TimeProvider timeProvider, ILogger<AuthHandler>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        _sellers = sellers ?? throw new ArgumentNullException(nameof(sellers));
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? NullLogger<AuthHandler>.Instance;
        _userAgent = UserAgent.Build(options.AppName, options.AppVersion);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = request.GetOperation();
        var seller = ResolveSeller(request, grantless: _tokens.GrantlessScope(operation) is not null);
        if (seller is not null) SendToSellerEndpoint(request, seller);
        EnsureMayReceiveTokens(request.RequestUri);

        var token = await _tokens.SelectAsync(request, seller, cancellationToken).ConfigureAwait(false);
        Stamp(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (token.CacheKey is null || !await AccessTokenRejection.IsRejectedTokenAsync(response, cancellationToken).ConfigureAwait(false))
            return response;

        // SP-API refused the token before doing anything, so replaying (even a POST) is safe. Once only.
        _logger.LogInformation("SP-API rejected the {TokenKind} token for {Operation} (seller {Seller}); fetching a new one and replaying once.",
            token.Kind, operation?.Key ?? "(unknown operation)", seller?.Name ?? "(application)");
        await _tokens.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        token = await _tokens.SelectAsync(request, seller, cancellationToken).ConfigureAwait(false);
        Stamp(request, token);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private SellerContext? ResolveSeller(HttpRequestMessage request, bool grantless)
    {
        var name = request.GetSeller() ?? _sellers.DefaultSeller;
        if (name is not null) return _sellers.Get(name);
        if (grantless) return null;
        throw new InvalidOperationException(
            "This SP-API call names no seller and no default seller is configured: set SellingPartnerApi:RefreshToken, " +
            "configure SellingPartnerApi:Sellers and use ISellingPartnerClientFactory.For(seller), or pass SpApiCallOptions.Seller.");
    }

    // A per-call seller may live in another region than the client's base address: its calls go to its endpoint.
    private static void SendToSellerEndpoint(HttpRequestMessage request, SellerContext seller)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var endpoint = seller.Endpoint;
        if (Uri.Compare(uri, endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0) return;
        request.RequestUri = new UriBuilder(uri) { Scheme = endpoint.Scheme, Host = endpoint.Host, Port = endpoint.Port }.Uri;
    }

    private void EnsureMayReceiveTokens(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri) throw new InvalidOperationException("The SP-API request has no absolute URI.");
        if (SpApiEndpoints.IsSpApiHost(uri)) return;
        if (uri.IsLoopback && _options.AllowedLoopbackBaseAddresses.Any(allowed =>
                Uri.Compare(uri, allowed, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0))
            return;
        throw new InsecureDestinationException(uri);
    }

    private void Stamp(HttpRequestMessage request, IssuedToken token)
    {
        var headers = request.Headers;
        headers.Remove(AccessTokenHeader);
        headers.TryAddWithoutValidation(AccessTokenHeader, token.Value);
        headers.Remove(DateHeader);
        headers.TryAddWithoutValidation(DateHeader, FormatDate(_time.GetUtcNow()));
        headers.Remove("User-Agent");
        headers.TryAddWithoutValidation("User-Agent", _userAgent);
    }

    /// <summary>The <c>x-amz-date</c> format: UTC, <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static string FormatDate(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
