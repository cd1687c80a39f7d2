namespace SpApi.Cli.Bench;

/// <summary>Samples the managed heap and the working set every few milliseconds on a background thread; keeps the peaks.</summary>
internal sealed class MemoryPeakSampler : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peakManaged;
    private long _peakWorkingSet;

    public MemoryPeakSampler()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "memory-peak-sampler" };
        _thread.Start();
    }

    public double PeakManagedMb => Interlocked.Read(ref _peakManaged) / (1024.0 * 1024);
    public double PeakWorkingSetMb => Interlocked.Read(ref _peakWorkingSet) / (1024.0 * 1024);

    private void Run()
    {
        while (!_stop)
        {
            Sample();
            Thread.Sleep(5);
        }
        Sample();
    }

    private void Sample()
    {
        var managed = GC.GetTotalMemory(false);
        var workingSet = Environment.WorkingSet;
        if (managed > Interlocked.Read(ref _peakManaged)) Interlocked.Exchange(ref _peakManaged, managed);
        if (workingSet > Interlocked.Read(ref _peakWorkingSet)) Interlocked.Exchange(ref _peakWorkingSet, workingSet);
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
