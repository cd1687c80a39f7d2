using System.Runtime.CompilerServices;

namespace SpApi.Auth.Standalone;

/// <summary>
/// The background thread a standalone <see cref="SellingPartnerClient"/> starts first thing in <c>Create</c> (once per
/// process). While the caller validates the options and makes the services, it takes .NET's first-use costs of what
/// comes next: the first HttpClient (the HTTP stack's event source, ~10-15 ms in a fresh process), which the token
/// exchange and the first call need, and the loading of the generated clients' assembly, which <c>Get</c>'s lookup
/// needs. It sends nothing and keeps nothing but a process-wide flag (docs/cold-start.md).
/// </summary>
internal static class StartupWarmup
{
    /// <summary>The thread's name (seen in debuggers and traces).</summary>
    internal const string ThreadName = "SpApi start-up";

    private static int s_started;

    /// <summary>Whether the warm-up was started in this process (later clients skip it).</summary>
    public static bool HasStarted => Volatile.Read(ref s_started) != 0;

    /// <summary>Starts the warm-up unless it was started before in this process or threads cannot be started here.</summary>
    public static void StartOnce()
    {
        if (Interlocked.Exchange(ref s_started, 1) == 0) Start(Warm);
    }

    /// <summary>Runs <paramref name="warm"/> on a background thread of its own; its failures are dropped. Null when no thread could be started.</summary>
    internal static Task? Start(Action warm)
    {
        if (OperatingSystem.IsBrowser() || OperatingSystem.IsWasi()) return null; // no threads to start there
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            new Thread(static state =>
            {
                var (warm, finished) = ((Action, TaskCompletionSource))state!;
                try
                {
                    warm();
                }
                catch (Exception)
                {
                    // Best effort: whatever failed here is met again, and reported, where it is needed.
                }
                finally
                {
                    finished.SetResult();
                }
            }) { IsBackground = true, Name = ThreadName }.UnsafeStart((warm, finished));
            return finished.Task;
        }
        catch (Exception e) when (e is OutOfMemoryException or ThreadStartException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    private static void Warm()
    {
        // What the first HttpClient costs (its statics, HttpMessageHandler's event source); the handler never sends.
        using (var client = new HttpClient(new NoSend(), disposeHandler: true))
            client.Timeout = Timeout.InfiniteTimeSpan;
        // Loads the generated clients' assembly and the registrations' type (no code of theirs runs).
        RuntimeHelpers.RunClassConstructor(typeof(SpApi.Clients.GeneratedClientRegistrations).TypeHandle);
    }

    private sealed class NoSend : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The start-up warm-up sends nothing.");
    }
}
