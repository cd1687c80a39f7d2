using Microsoft.Extensions.Hosting;

namespace SpApi.Sandbox.Http;

/// <summary>
/// The sandbox is embedded in tests and in the spapi CLI: it must not take over Ctrl+C or SIGTERM the way
/// the default console lifetime does. Whoever hosts it stops it (DisposeAsync).
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
