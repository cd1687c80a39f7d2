using System.Text;

namespace SpApi.Auth.Lwa;

/// <summary>
/// Reads one LWA answer from the wire, at most <see cref="MaxBytes"/> (1 MB; real answers are under 2 KB), as
/// RestSharp's response writer: nothing is buffered before it, so a hostile 200 MB answer costs 1 MB and is marked
/// <see cref="Truncated"/>. (RestSharp hands the writer the response stream synchronously.)
/// </summary>
internal sealed class LwaBodyCap
{
    public const int MaxBytes = 1024 * 1024;

    private byte[]? _bytes;
    private int _length;

    /// <summary>True when the answer was longer than <see cref="MaxBytes"/> (or ended early) and was cut.</summary>
    public bool Truncated { get; private set; }

    /// <summary>The answer read, as text (null when no answer arrived).</summary>
    public string? Text => _bytes is null ? null : Encoding.UTF8.GetString(_bytes, 0, _length);

    public Stream? Read(Stream body)
    {
        using (body)
        {
            var buffer = new byte[16 * 1024];
            var length = 0;
            try
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (length >= MaxBytes)
                        {
                            Truncated = body.Read(new byte[1]) > 0;
                            break;
                        }
                        Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxBytes));
                    }
                    var read = body.Read(buffer, length, buffer.Length - length);
                    if (read == 0) break;
                    length += read;
                }
            }
            catch (IOException)
            {
                Truncated = true;   // Reset mid-body: what arrived is not a whole answer.
            }
            _bytes = buffer;
            _length = length;
        }
        return null;
    }
}
