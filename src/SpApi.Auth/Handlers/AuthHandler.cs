using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SpApi.Auth.Endpoints;
using SpApi.Auth.Sellers;
using SpApi.Auth.Tokens;
using SpApi.Runtime;

namespace SpApi.Auth.Handlers;

/// <summary>
/// The auth stage of the SP-API pipeline (innermost, once per attempt): takes the seller and endpoint the first
/// stage resolved (<see cref="SellerEndpointResolver"/>), refuses any destination that may not receive tokens, attaches the right token
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
    private readonly SellerEndpointResolver _resolver;
    private readonly RequestTokenSelector _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _userAgent;

    public AuthHandler(AuthHandlerOptions options, ISellerRegistry sellers, RequestTokenSelector tokens, TimeProvider timeProvider, ILogger<AuthHandler>? logger = null)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _options.Validate();
        ArgumentNullException.ThrowIfNull(sellers);
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _resolver = new SellerEndpointResolver(sellers, tokens.GrantlessOperations);
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? NullLogger<AuthHandler>.Instance;
        _userAgent = UserAgent.Build(options.AppName, options.AppVersion);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = request.GetOperation();
        // Normally resolved already by the endpoint stage; resolving again is a no-op, and keeps this handler safe alone.
        var seller = _resolver.Resolve(request);
        EnsureMayReceiveTokens(request.RequestUri);
        if (operation is not null) EnsurePathFits(request.RequestUri!, operation, seller);

        // One async method on the usual path (each async layer costs start-up JIT time); the replay has its own.
        var token = await _tokens.SelectAsync(request, seller, cancellationToken).ConfigureAwait(false);
        Stamp(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response = await ReceivedAsync(request, response, cancellationToken).ConfigureAwait(false);
        bool rejected;
        try
        {
            rejected = token.CacheKey is not null && await AccessTokenRejection.IsRejectedTokenAsync(response, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose(); // e.g. cancelled while reading the error body
            throw;
        }
        if (!rejected) return response;
        return await ReplayWithNewTokenAsync(request, response, token, operation, seller, cancellationToken).ConfigureAwait(false);
    }

    // SP-API refused the token before doing anything, so replaying (even a POST) is safe. Once only.
    private async Task<HttpResponseMessage> ReplayWithNewTokenAsync(HttpRequestMessage request, HttpResponseMessage rejected, IssuedToken token,
        OperationMetadata? operation, SellerContext? seller, CancellationToken cancellationToken)
    {
        _logger.LogInformation("SP-API rejected the {TokenKind} token for {Operation} (seller {Seller}); fetching a new one and replaying once.",
            token.Kind, operation?.Key ?? "(unknown operation)", seller?.Name ?? "(application)");
        rejected.Dispose();
        await _tokens.InvalidateAsync(token, cancellationToken).ConfigureAwait(false);
        token = await _tokens.SelectAsync(request, seller, cancellationToken).ConfigureAwait(false);
        Stamp(request, token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReceivedAsync(request, response, cancellationToken).ConfigureAwait(false);
    }

    // A redirect is refused (never followed, see NoRedirects); an error body is read once, capped (ErrorBodyLimit).
    // Not async: a success answer passes straight through.
    private static Task<HttpResponseMessage> ReceivedAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (NoRedirects.IsRedirect(response))
        {
            var error = UnexpectedRedirectException.For(response, request.RequestUri);
            response.Dispose();
            throw error;
        }
        return ErrorBodyLimit.ApplyAsync(response, cancellationToken);
    }

    // The last line against path arguments that escape their operation (e.g. "..", "."): never send such a request.
    private static void EnsurePathFits(Uri uri, OperationMetadata operation, SellerContext? seller)
    {
        var path = uri.AbsolutePath;
        var basePath = (seller?.Endpoint.AbsolutePath ?? "/").TrimEnd('/');
        if (basePath.Length > 0 && path.StartsWith(basePath + "/", StringComparison.Ordinal)) path = path[basePath.Length..];
        if (!SpApiPath.Fits(operation, path))
            throw new PathTemplateMismatchException(operation);
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
        // The origin text is built only for the error, not on every call.
        if (!TokenFormat.IsValid(token.Value)) TokenFormat.Ensure(token.Value, $"the {token.Kind} token source");
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
