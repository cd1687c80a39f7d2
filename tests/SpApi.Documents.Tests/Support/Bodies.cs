using System.IO.Compression;
using System.Text;

namespace SpApi.Documents.Tests.Support;

internal static class Bodies
{
    static Bodies() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Encode(string text, string charset) => Encoding.GetEncoding(charset).GetBytes(text);

    public static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) zip.Write(bytes);
        return buffer.ToArray();
    }
}
