using System.Net;
using SpApi.Documents.Download;
using SpApi.Documents.Reading;
using SpApi.Documents.Tests.Support;

namespace SpApi.Documents.Tests.Download;

/// <summary>GZIP and charset handling of downloaded documents (in-memory storage).</summary>
public class DecodeTests
{
    private const string Tsv = "item-name\tseller-sku\tprice\r\nCafé Crème Größe – Señor™\tSKU-1\t9.99\r\nÜber Straße\tSKU-2\t1.50\r\n";
    private const string Japanese = "item-name\tseller-sku\n日本茶セット「抹茶」\tSKU-JP-1\n";
    private static readonly Uri Url = new("https://storage.example.com/doc?X-Amz-Signature=abc");

    private static DocumentDownloader Downloader(StubStorage storage, InstantTimeProvider? time = null) =>
        new(DocumentHttp.CreateStorageClient(storage), new DocumentDownloadOptions(), time ?? new InstantTimeProvider());

    private static async Task<string> ReadTextAsync(DocumentDownloader downloader, DocumentLocation location)
    {
        await using var document = await downloader.OpenAsync(location);
        using var text = document.OpenText();
        return await text.ReadToEndAsync();
    }

    [TestCase("windows-1252")]
    [TestCase("Cp1252")]
    public async Task Gzip_windows_1252_report_decodes_to_the_original_text(string charset)
    {
        var storage = new StubStorage(Bodies.Gzip(Bodies.Encode(Tsv, "windows-1252")), $"text/plain; charset={charset}");
        var text = await ReadTextAsync(Downloader(storage), new DocumentLocation("d1", Url, "GZIP"));
        Assert.That(text, Is.EqualTo(Tsv));
    }

    [TestCase("Shift_JIS")]
    [TestCase("MS932")]
    [TestCase("Windows-31J")]
    public async Task Gzip_Shift_JIS_report_decodes_to_the_original_text(string charset)
    {
        var storage = new StubStorage(Bodies.Gzip(Bodies.Encode(Japanese, "shift_jis")), $"text/plain;charset={charset}");
        var text = await ReadTextAsync(Downloader(storage), new DocumentLocation("d2", Url, "GZIP"));
        Assert.That(text, Is.EqualTo(Japanese));
    }

    [Test]
    public async Task Uncompressed_utf8_with_a_byte_order_mark_loses_the_mark()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Bodies.Encode("ä\tb\n", "utf-8")).ToArray();
        var text = await ReadTextAsync(Downloader(new StubStorage(bytes, "text/plain; charset=UTF-8")), new DocumentLocation("d3", Url));
        Assert.That(text, Is.EqualTo("ä\tb\n"));
    }

    [Test]
    public async Task Decoding_with_the_wrong_charset_would_garble_the_text()
    {
        // Guards the tests above: the bytes really differ between charsets.
        var storage = new StubStorage(Bodies.Encode(Tsv, "windows-1252"), "text/plain; charset=UTF-8");
        var text = await ReadTextAsync(Downloader(storage), new DocumentLocation("d4", Url));
        Assert.That(text, Is.Not.EqualTo(Tsv));
    }

    [Test]
    public async Task Tab_delimited_rows_are_keyed_by_the_header()
    {
        var storage = new StubStorage(Bodies.Gzip(Bodies.Encode(Tsv, "windows-1252")), "text/plain; charset=windows-1252");
        var rows = await Downloader(storage).ReadRowsAsync(new DocumentLocation("d5", Url, "GZIP")).ToListAsync();
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0]["item-name"], Is.EqualTo("Café Crème Größe – Señor™"));
        Assert.That(rows[1]["seller-sku"], Is.EqualTo("SKU-2"));
        Assert.That(rows[1].LineNumber, Is.EqualTo(3));
        Assert.That(() => rows[0]["nope"], Throws.TypeOf<KeyNotFoundException>().With.Message.Contains("seller-sku"));
    }

    [Test]
    public async Task Decompressed_bytes_go_to_a_file_only_when_complete()
    {
        var bytes = Bodies.Encode(Tsv, "windows-1252");
        var path = Path.Combine(Path.GetTempPath(), $"spapi-doc-{Guid.NewGuid():N}.txt");
        try
        {
            var result = await Downloader(new StubStorage(Bodies.Gzip(bytes), "text/plain; charset=windows-1252")).DownloadToFileAsync(new DocumentLocation("d6", Url, "GZIP"), path);
            Assert.That(await File.ReadAllBytesAsync(path), Is.EqualTo(bytes));
            Assert.That(result.Bytes, Is.EqualTo(bytes.Length));
            Assert.That(result.EncodingName, Is.EqualTo("windows-1252"));

            var broken = new StubStorage(bytes[..10], "text/plain") { };
            Assert.ThrowsAsync<DocumentException>(() => Downloader(broken).DownloadToFileAsync(new DocumentLocation("d7", Url, "GZIP"), path + ".2"));
            Assert.That(File.Exists(path + ".2"), Is.False);
            Assert.That(File.Exists(path + ".2.part"), Is.False);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Corrupt_gzip_and_unknown_charsets_are_named_errors()
    {
        var corrupt = new StubStorage(Bodies.Encode("not gzip at all", "utf-8"), "text/plain");
        var e = Assert.ThrowsAsync<DocumentException>(() => Downloader(corrupt).DownloadToAsync(new DocumentLocation("bad-gzip", Url, "GZIP"), Stream.Null));
        Assert.That(e!.Message, Does.Contain("bad-gzip").And.Contain("GZIP"));

        var unknown = new StubStorage([1, 2, 3], "text/plain; charset=x-klingon");
        var u = Assert.ThrowsAsync<DocumentException>(() => Downloader(unknown).OpenAsync(new DocumentLocation("d8", Url)));
        Assert.That(u!.Message, Does.Contain("x-klingon"));

        Assert.Throws<DocumentException>(() => new DocumentLocation("d9", Url, "ZSTD").Validate());
    }

    [Test]
    public async Task Transient_statuses_are_retried_then_a_refusal_is_not()
    {
        var time = new InstantTimeProvider();
        var storage = new StubStorage(Bodies.Encode("a\n", "utf-8"), "text/plain");
        storage.FailFirst.Enqueue(HttpStatusCode.ServiceUnavailable);
        storage.FailFirst.Enqueue(HttpStatusCode.InternalServerError);
        var result = await Downloader(storage, time).DownloadToAsync(new DocumentLocation("d10", Url), Stream.Null);
        Assert.That(result.Retries, Is.EqualTo(2));
        Assert.That(time.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));

        var forbidden = new StubStorage([], "text/plain");
        forbidden.FailFirst.Enqueue(HttpStatusCode.Forbidden);
        var e = Assert.ThrowsAsync<DocumentException>(() => Downloader(forbidden).DownloadToAsync(new DocumentLocation("d11", Url), Stream.Null));
        Assert.That(e!.StatusCode, Is.EqualTo(403));
        Assert.That(e.Message, Does.Contain("expired").And.Not.Contain("Signature"));
        Assert.That(forbidden.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_body_cut_short_is_resumed_by_range_and_decompresses_whole()
    {
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"row {i}\tCafé\n"));
        var gz = Bodies.Gzip(Bodies.Encode(text, "windows-1252"));
        var storage = new StubStorage(gz, "text/plain; charset=windows-1252") { CutAfter = gz.Length / 3 };
        await using var document = await Downloader(storage).OpenAsync(new DocumentLocation("d12", Url, "GZIP"));
        using var reader = document.OpenText();
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo(text));
        Assert.That(storage.Requests, Has.Count.EqualTo(2));
        Assert.That(storage.Requests[1].Headers.Range!.Ranges.Single().From, Is.EqualTo(gz.Length / 3));
        Assert.That(storage.Requests[1].Headers.IfRange!.EntityTag!.Tag, Is.EqualTo("\"v1\""));
    }

    [Test]
    public void A_resume_answered_with_the_whole_body_is_refused_not_spliced()
    {
        var gz = Bodies.Gzip(Bodies.Encode(new string('x', 100_000), "utf-8"));
        var storage = new StubStorage(gz, "text/plain") { CutAfter = 100, HonourRange = false };
        var e = Assert.ThrowsAsync<DocumentException>(() => Downloader(storage).DownloadToAsync(new DocumentLocation("d13", Url, "GZIP"), Stream.Null));
        Assert.That(e!.Message, Does.Contain("could not be resumed"));
    }

    [Test]
    public void The_storage_client_refuses_SP_API_headers()
    {
        var storage = new StubStorage([], "text/plain");
        using var client = DocumentHttp.CreateStorageClient(storage);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url);
        request.Headers.TryAddWithoutValidation("x-amz-access-token", "Atza|secret");
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(request));
        Assert.That(e!.Message, Does.Contain("x-amz-access-token").And.Not.Contain("Atza|secret"));
        Assert.That(storage.Requests, Is.Empty);
    }
}
