using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SpApi.Cli.Bench.Faults;

/// <summary>One request as a <see cref="HostileServer"/> saw it (headers flattened, values joined).</summary>
internal sealed record SeenRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A local server (Kestrel, 127.0.0.1, port 0) that answers as a scenario tells it to: misbehaving LWA, SP-API or
/// redirect target. Records every request. Big answers are streamed from one small buffer, never allocated whole.
/// </summary>
internal sealed class HostileServer : IAsyncDisposable
{
    private static readonly byte[] Filler = CreateFiller();
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SeenRequest> _seen = new();

    private HostileServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the server answers; replaced per scenario.</summary>
    public Func<HttpContext, Task> Behaviour { get; set; } = ctx => { ctx.Response.StatusCode = 404; return Task.CompletedTask; };

    public IReadOnlyCollection<SeenRequest> Seen => _seen;

    public void Reset(Func<HttpContext, Task> behaviour)
    {
        _seen.Clear();
        Behaviour = behaviour;
    }

    public static async Task<HostileServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = LoopbackKestrel.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(HostileServer).Assembly.GetName().Name });
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, QuietLifetime>();
        var app = builder.Build();
        HostileServer? server = null;
        app.Run(async ctx =>
        {
            var s = server!;
            // The path as sent (still escaped), not Kestrel's decoded one: "%252E" must not read as "..".
            var raw = ctx.Features.Get<IHttpRequestFeature>()?.RawTarget ?? ctx.Request.Path.Value ?? "";
            var q = raw.IndexOf('?');
            s._seen.Enqueue(new SeenRequest(ctx.Request.Method, q < 0 ? raw : raw[..q], ctx.Request.QueryString.Value ?? "",
                ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            try
            {
                await s.Behaviour(ctx);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                // The client stopped reading (a capped body): expected.
            }
        });
        await app.StartAsync(cancellationToken);
        server = new HostileServer(app, LoopbackKestrel.BaseAddress(app));
        return server;
    }

    /// <summary>Answers <paramref name="status"/> with <paramref name="bytes"/> bytes of JSON-looking filler, streamed.</summary>
    public static async Task StreamHugeAsync(HttpContext ctx, int status, long bytes, string contentType = "application/json")
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = contentType;
        ctx.Response.ContentLength = bytes;
        var body = ctx.Response.Body;
        for (long sent = 0; sent < bytes && !ctx.RequestAborted.IsCancellationRequested; sent += Filler.Length)
            await body.WriteAsync(Filler.AsMemory(0, (int)Math.Min(Filler.Length, bytes - sent)), ctx.RequestAborted);
    }

    /// <summary>Writes a JSON (or any) text answer with optional extra headers.</summary>
    public static Task WriteAsync(HttpContext ctx, int status, string body, params (string Name, string Value)[] headers)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        foreach (var (name, value) in headers) ctx.Response.Headers[name] = value;
        return ctx.Response.WriteAsync(body);
    }

    private static byte[] CreateFiller()
    {
        var b = new byte[64 * 1024];
        b.AsSpan().Fill((byte)'x');
        b[0] = (byte)'"';
        return b;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>No console hooks: the suite starts and stops the server itself.</summary>
internal sealed class QuietLifetime : Microsoft.Extensions.Hosting.IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
