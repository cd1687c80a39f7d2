using System.Net;
using Microsoft.Extensions.Options;
using SpApi.DataKiosk.V2023_11_15;
using SpApi.Documents;
using SpApi.Documents.Download;
using SpApi.Feeds.V2021_06_30;
using SpApi.Reports.V2021_06_30;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary><c>AddDocuments</c>: registers the documents add-on on an SP-API builder (<c>AddSellingPartnerApi</c>).</summary>
public static class SpApiDocumentsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SellingPartnerDocuments"/> (reports, feeds, Data Kiosk, downloader, uploader) for the default seller.
    /// Document bytes use the named client <see cref="DocumentHttp.ClientName"/>: no SP-API handlers, no HTTP logging
    /// (presigned URLs are secrets while valid), redirects not followed, <see cref="StorageHeaderGuard"/> last.
    /// </summary>
    public static SellingPartnerApiBuilder AddDocuments(this SellingPartnerApiBuilder builder, Action<SpApiDocumentsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<SpApiDocumentsOptions>();
        if (configure is not null) options.Configure(configure);
        options.Validate(o => { o.Validate(); return true; }).ValidateOnStart();

        services.AddHttpClient(DocumentHttp.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = DecompressionMethods.None,
                AllowAutoRedirect = false,
                UseCookies = false,
            })
            .AddHttpMessageHandler(() => new StorageHeaderGuard());

        services.AddTransient(sp => new SellingPartnerDocuments(
            sp.GetRequiredService<IReportsClient>(), sp.GetRequiredService<IFeedsClient>(), sp.GetRequiredService<IDataKioskClient>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(DocumentHttp.ClientName),
            sp.GetRequiredService<IOptions<SpApiDocumentsOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
