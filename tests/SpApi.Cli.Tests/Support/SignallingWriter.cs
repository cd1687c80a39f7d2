namespace SpApi.Cli.Tests.Support;

/// <summary>A StringWriter that completes <see cref="Seen"/> once the awaited text has been written.</summary>
internal sealed class SignallingWriter(string awaited) : StringWriter
{
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Seen => _seen.Task;

    public override void Write(char value)
    {
        base.Write(value);
        Check();
    }

    public override void Write(string? value)
    {
        base.Write(value);
        Check();
    }

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        Check();
    }

    private void Check()
    {
        if (!_seen.Task.IsCompleted && ToString().Contains(awaited, StringComparison.Ordinal)) _seen.TrySetResult();
    }
}
