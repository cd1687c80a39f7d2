using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SpApi.Auth.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (port 0) for tests that need a real transport (redirects are followed by the
/// socket handler, not by mocks). Records each request's first line and body and answers with <see cref="Respond"/>.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer(Func<string, string> respond)
    {
        Respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>Raw response (status line, headers, blank line, body) for a request line.</summary>
    public Func<string, string> Respond { get; }

    public ConcurrentQueue<(string RequestLine, string Body)> Requests { get; } = new();

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public static string Answer(int status, string body = "", params string[] headers) =>
        $"HTTP/1.1 {status} X\r\n{string.Concat(headers.Select(h => h + "\r\n"))}Content-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.ASCII);
        var requestLine = await reader.ReadLineAsync() ?? "";
        var length = 0;
        for (var line = await reader.ReadLineAsync(); !string.IsNullOrEmpty(line); line = await reader.ReadLineAsync())
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) length = int.Parse(line[15..].Trim());
        var body = new char[length];
        var read = 0;
        while (read < length && await reader.ReadAsync(body, read, length - read) is var n and > 0) read += n;
        Requests.Enqueue((requestLine, new string(body, 0, read)));
        var answer = Encoding.UTF8.GetBytes(Respond(requestLine));
        await stream.WriteAsync(answer);
        await stream.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
