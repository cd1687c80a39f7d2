using System.Diagnostics;
using System.Text;

namespace SpApi.Samples.Tests.Support;

/// <summary>A sample started as its own process (<c>dotnet Sample.dll args</c>), its output collected.</summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly object _gate = new();
    private TaskCompletionSource<string>? _waitingFor;
    private string? _pattern;

    private SampleProcess(Process process) => _process = process;

    public string Output { get { lock (_gate) return _output.ToString(); } }

    public static SampleProcess Start(string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)! };
        info.ArgumentList.Add(dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        // Real credentials in the developer's environment must not turn a sample test into calls to Amazon.
        foreach (var key in new[] { "SellingPartnerApi__ClientId", "SELLINGPARTNERAPI__CLIENTID" }) info.Environment.Remove(key);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var sample = new SampleProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        sample._process.OutputDataReceived += (_, e) => sample.Append(e.Data);
        sample._process.ErrorDataReceived += (_, e) => sample.Append(e.Data);
        sample._process.Start();
        sample._process.BeginOutputReadLine();
        sample._process.BeginErrorReadLine();
        return sample;
    }

    /// <summary>Waits for the process to end (bounded, so a hung sample fails the test instead of the run).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The sample did not exit within {limit}. Output:\n{Output}");
        }
        _process.WaitForExit(); // drains the output readers
        return _process.ExitCode;
    }

    /// <summary>Waits until a line containing <paramref name="text"/> is printed; returns that line.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan limit)
    {
        Task<string> line;
        lock (_gate)
        {
            var existing = _output.ToString().Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (existing is not null) return existing.TrimEnd('\r');
            _pattern = text;
            _waitingFor = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            line = _waitingFor.Task;
        }
        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(line, exited, Task.Delay(limit));
        if (done == line) return await line;
        Assert.Fail(done == exited
            ? $"The sample exited ({_process.ExitCode}) before printing '{text}'. Output:\n{Output}"
            : $"The sample did not print '{text}' within {limit}. Output:\n{Output}");
        return "";
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_gate)
        {
            _output.AppendLine(line);
            if (_pattern is not null && line.Contains(_pattern, StringComparison.Ordinal)) { _waitingFor?.TrySetResult(line); _pattern = null; }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
