using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SpApi.Cli.Bench.Faults;

/// <summary>
/// A raw TCP server on 127.0.0.1 (port 0) that answers every request with fixed bytes and then closes the connection:
/// a response cut mid-body (headers promise more than is sent). Kestrel cannot do this reliably (its abort is a reset,
/// which may drop the headers before the client reads them).
/// </summary>
internal sealed class RawAnswerServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[] _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _requests;

    public RawAnswerServer(int status, string bodyPrefix, long declaredLength = 100_000)
    {
        _answer = Encoding.ASCII.GetBytes($"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {declaredLength}\r\nx-amzn-RequestId: raw-1\r\n\r\n")
            .Concat(Encoding.UTF8.GetBytes(bodyPrefix)).ToArray();
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(AcceptAsync);
    }

    public Uri BaseAddress { get; }

    /// <summary>Requests answered so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(socket));
        }
    }

    private async Task AnswerAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await ReadRequestAsync(socket);
                Interlocked.Increment(ref _requests);
                await socket.SendAsync(_answer, SocketFlags.None, _stop.Token);
                socket.Shutdown(SocketShutdown.Both);   // FIN, not RST: the client reads the headers, then the body ends early.
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
            {
            }
        }
    }

    // Reads the head and a Content-Length body, so closing does not reset unread request bytes.
    private async Task ReadRequestAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        int headEnd;
        while ((headEnd = text.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (n == 0) return;
            text.Append(Encoding.Latin1.GetString(buffer, 0, n));
        }
        var head = text.ToString(0, headEnd);
        var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = lengthLine is null ? 0 : long.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var have = text.Length - headEnd - 4;
        while (have < length)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
            if (n == 0) return;
            have += n;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (Exception) { }
        _stop.Dispose();
    }
}
