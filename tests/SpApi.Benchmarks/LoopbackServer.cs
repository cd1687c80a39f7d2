using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SpApi.Cli.Bench;

namespace SpApi.Benchmarks;

/// <summary>
/// A minimal Kestrel server on 127.0.0.1 (random port) serving the benchmark payloads with SP-API's
/// headers, so the loopback scenarios include real sockets, HTTP/1.1 parsing and chunk reads.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>A transport to this server: one pooled SocketsHttpHandler per client.</summary>
    public BenchTransport Transport => new("loopback", () => new SocketsHttpHandler { UseCookies = false, UseProxy = false }, BaseAddress);

    public static async Task<LoopbackServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(ServeAsync);
        await app.StartAsync(cancellationToken);
        return new LoopbackServer(app, SpApi.Cli.Bench.LoopbackKestrel.BaseAddress(app));
    }

    private static Task ServeAsync(HttpContext context)
    {
        var body = BenchPayloads.ForPath(context.Request.Path.Value ?? "");
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        foreach (var (name, value) in SpApiResponseHeaders.Typical)
            context.Response.Headers[name] = value;
        return context.Response.Body.WriteAsync(body, 0, body.Length, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
