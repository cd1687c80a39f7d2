using System.Runtime.CompilerServices;

namespace SpApi.Auth.Standalone;

/// <summary>
/// The background thread a standalone <see cref="SellingPartnerClient"/> starts first thing in <c>Create</c>. While the
/// caller validates the options and makes the services, it takes .NET's first-use costs of what comes next: the first
/// HttpClient (the HTTP stack's event source, ~10-15 ms in a fresh process), which the token exchange and the first
/// call need, and the generated clients' assembly, which <c>Get</c>'s lookup loads. Then it runs the step <c>Create</c>
/// hands it (the token prefetch), so start-up still makes one thread. Nothing it does is observable: no request is
/// sent, nothing is kept (docs/cold-start.md).
/// </summary>
internal sealed class StartupThread
{
    /// <summary>The thread's name (seen in debuggers and traces).</summary>
    internal const string ThreadName = "SpApi start-up";

    private static readonly Action Ended = static () => { };
    private readonly Action _warm;
    private Action? _next;

    private StartupThread(Action warm) => _warm = warm;

    /// <summary>Starts the thread; when no thread can be made, an instance that takes no step (the caller runs it elsewhere).</summary>
    public static StartupThread Start() => Start(Warm);

    /// <param name="warm">The warm-up (tests hold or fail it).</param>
    internal static StartupThread Start(Action warm)
    {
        var startup = new StartupThread(warm);
        try
        {
            new Thread(static state => ((StartupThread)state!).Run()) { IsBackground = true, Name = ThreadName }.UnsafeStart(startup);
        }
        catch (Exception e) when (e is OutOfMemoryException or ThreadStartException)
        {
            startup._next = Ended;
        }
        return startup;
    }

    /// <summary>Whether the warm-up finished (tests).</summary>
    internal bool HasEnded => Volatile.Read(ref _next) == Ended;

    /// <summary>
    /// Hands <paramref name="next"/> to the thread, which runs it after its warm-up; false when the thread has ended
    /// already (then the caller runs it elsewhere). <paramref name="next"/> must not throw.
    /// </summary>
    public bool TryThen(Action next) => Interlocked.CompareExchange(ref _next, next, null) is null;

    private void Run()
    {
        try
        {
            _warm();
        }
        catch (Exception)
        {
            // Best effort: whatever failed here is met again, and reported, where it is needed.
        }
        // Either the step handed over, or nothing: TryThen fails from now on.
        var next = Interlocked.Exchange(ref _next, Ended);
        try
        {
            next?.Invoke();
        }
        catch (Exception)
        {
            // The step reports its own failures (the prefetch's task); an exception here must not end the process.
        }
    }

    private static volatile bool s_warmedUp;

    /// <summary>Whether a warm-up has run in this process (later ones have nothing to do).</summary>
    public static bool HasWarmedUp => s_warmedUp;

    private static void Warm()
    {
        if (s_warmedUp) return;
        // What the first HttpClient costs (its statics, HttpMessageHandler's event source); the handler never sends.
        using (var client = new HttpClient(new NoSend(), disposeHandler: true))
            client.Timeout = Timeout.InfiniteTimeSpan;
        // The generated clients' assembly and registrations, which Get's catalog lookup loads.
        RuntimeHelpers.RunClassConstructor(typeof(SpApi.Clients.GeneratedClientRegistrations).TypeHandle);
        s_warmedUp = true;
    }

    private sealed class NoSend : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The start-up warm-up sends nothing.");
    }
}
