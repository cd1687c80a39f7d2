using System.Diagnostics;
using System.Text.Json;

namespace SpApi.Cli.Bench.Faults;

/// <summary>The figures of one run of the fault suite, as <c>spapi bench faults --report</c> writes them.</summary>
internal sealed record FaultReport(int Scenarios, int Survived, int Crashes, int TokenLeaks, int WrongOperation,
    int DuplicatedWrites, int UntypedErrors, int InjectedModels, double PeakManagedMb)
{
    /// <summary>True when any count that must be zero is not.</summary>
    public bool Failed => Crashes + TokenLeaks + WrongOperation + DuplicatedWrites + UntypedErrors + InjectedModels > 0;

    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["scenarios"] = Scenarios,
        ["survived"] = Survived,
        ["crashes"] = Crashes,
        ["tokenLeaks"] = TokenLeaks,
        ["wrongOperation"] = WrongOperation,
        ["duplicatedWrites"] = DuplicatedWrites,
        ["untypedErrors"] = UntypedErrors,
        ["injectedModels"] = InjectedModels,
        ["peakManagedMb"] = Math.Round(PeakManagedMb, 1),
    }, new JsonSerializerOptions { WriteIndented = true });
}

/// <summary>The outcome of one scenario.</summary>
internal sealed record FaultScenarioResult(string Name, bool Crashed, FaultFindings Findings)
{
    /// <summary>Ran, found nothing. A skipped scenario did not survive anything (and found nothing either).</summary>
    public bool Survived => !Crashed && Findings.Total == 0 && !Skipped;

    public bool Skipped => Findings.Skipped;
}

/// <summary>
/// Runs fault scenarios once each against one hostile server and one redirect target (127.0.0.1, port 0), sampling
/// managed memory throughout. A scenario that throws is a crash; so is an exception nobody observed.
/// </summary>
internal static class FaultSuite
{
    /// <summary>Size of the huge answers (200 MB), streamed by the server.</summary>
    public const long HugeBytes = 200L * 1024 * 1024;

    public static async Task<(FaultReport Report, IReadOnlyList<FaultScenarioResult> Results)> RunAsync(
        IReadOnlyList<FaultScenario> scenarios, CancellationToken cancellationToken, Action<FaultScenarioResult>? progress = null, string? generatorPath = null)
    {
        await using var server = await HostileServer.StartAsync(cancellationToken);
        await using var elsewhere = await HostileServer.StartAsync(cancellationToken);
        return await RunAsync(scenarios, server, elsewhere, cancellationToken, progress, generatorPath);
    }

    /// <summary>
    /// Runs <paramref name="scenarios"/> against servers the caller started (tests share them across scenarios);
    /// <paramref name="generatorPath"/> is the model generator for the hostile-model scenarios (null: found).
    /// </summary>
    public static async Task<(FaultReport Report, IReadOnlyList<FaultScenarioResult> Results)> RunAsync(
        IReadOnlyList<FaultScenario> scenarios, HostileServer server, HostileServer elsewhere, CancellationToken cancellationToken,
        Action<FaultScenarioResult>? progress = null, string? generatorPath = null)
    {
        var duplicates = scenarios.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0) throw new ArgumentException("Fault scenario names must be unique: " + string.Join(", ", duplicates));

        var unobserved = 0;
        EventHandler<UnobservedTaskExceptionEventArgs> onUnobserved = (_, e) => { Interlocked.Increment(ref unobserved); e.SetObserved(); };
        TaskScheduler.UnobservedTaskException += onUnobserved;
        using var sampler = new MemorySampler();
        var results = new List<FaultScenarioResult>();
        try
        {
            foreach (var scenario in scenarios)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var run = new FaultRun(server, elsewhere, cancellationToken) { GeneratorPath = generatorPath };
                var crashed = false;
                try
                {
                    await scenario.RunAsync(run);
                }
                catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    crashed = true;
                    run.Note($"crashed: {e.GetType().Name}: {e.Message}");
                }
                var result = new FaultScenarioResult(scenario.Name, crashed, run.Findings);
                results.Add(result);
                progress?.Invoke(result);
            }
            // Let finalizers surface any task exception nobody awaited.
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= onUnobserved;
        }

        var report = new FaultReport(
            Scenarios: results.Count,
            Survived: results.Count(r => r.Survived),
            Crashes: results.Count(r => r.Crashed) + unobserved,
            TokenLeaks: results.Sum(r => r.Findings.TokenLeaks),
            WrongOperation: results.Sum(r => r.Findings.WrongOperation),
            DuplicatedWrites: results.Sum(r => r.Findings.DuplicatedWrites),
            UntypedErrors: results.Sum(r => r.Findings.UntypedErrors),
            InjectedModels: results.Sum(r => r.Findings.InjectedModels),
            PeakManagedMb: sampler.PeakBytes / (1024.0 * 1024.0));
        return (report, results);
    }

    /// <summary>Samples the managed heap on a background thread (GC.GetTotalMemory without forcing a collection).</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public MemorySampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    Sample();
                    Thread.Sleep(2);
                }
            }) { IsBackground = true, Name = "fault-suite memory sampler" };
            _thread.Start();
        }

        public long PeakBytes
        {
            get
            {
                Sample();
                return Interlocked.Read(ref _peak);
            }
        }

        private void Sample()
        {
            var now = GC.GetTotalMemory(false);
            long seen;
            while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen) { }
        }

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
