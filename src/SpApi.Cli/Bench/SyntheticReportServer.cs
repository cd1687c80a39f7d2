using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SpApi.Cli.Bench;

/// <summary>
/// A loopback server for <c>spapi bench documents</c>: serves a GZIP report of N MB (decompressed) generated on the fly as
/// N concatenated GZIP members of one 1 MB block of tab-delimited rows (a valid GZIP stream; only the ~1 MB block
/// and its compressed form are held, whatever N is).
/// </summary>
internal sealed class SyntheticReportServer : IAsyncDisposable
{
    public const int BlockBytes = 1024 * 1024;
    private readonly WebApplication _app;

    private SyntheticReportServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<SyntheticReportServer> StartAsync(int sizeMb, CancellationToken cancellationToken)
    {
        var member = CompressedBlock();
        var builder = LoopbackKestrel.CreateBuilder(new WebApplicationOptions());
        var app = builder.Build();
        app.Run(async context =>
        {
            context.Response.ContentType = "text/plain; charset=windows-1252";
            context.Response.ContentLength = (long)member.Length * sizeMb;
            for (var i = 0; i < sizeMb; i++)
                await context.Response.Body.WriteAsync(member, context.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        return new SyntheticReportServer(app, new Uri(LoopbackKestrel.BaseAddress(app), "report.txt.gz"));
    }

    /// <summary>Exactly 1 MB of listing-like rows (varied, so compression is realistic rather than trivial), GZIP-compressed.</summary>
    internal static byte[] CompressedBlock()
    {
        var text = new StringBuilder(BlockBytes + 256);
        text.Append("item-name\tlisting-id\tseller-sku\tprice\tquantity\topen-date\tasin1\tstatus\n");
        for (var i = 0; text.Length < BlockBytes; i++)
            text.Append($"Product {i * 7919 % 100003} colour {i % 17} size {i % 11}\t{1000000000L + i * 31L}\tSKU-{i:D7}\t{(i * 37 % 10000) / 100.0:0.00}\t{i % 97}\t2026-{1 + i % 12:D2}-{1 + i % 28:D2}\tB0{i * 131 % 100000000:D8}\tActive\n");
        var bytes = Encoding.Latin1.GetBytes(text.ToString(0, BlockBytes));
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) zip.Write(bytes);
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
