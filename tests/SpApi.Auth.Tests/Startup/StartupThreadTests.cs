using SpApi.Auth.Standalone;
using SpApi.Testing;

namespace SpApi.Auth.Tests.Startup;

/// <summary>
/// The thread <c>SellingPartnerClient.Create</c> starts first: it warms up, then runs the one step handed to it (the
/// token prefetch); a step handed over too late is refused, so the caller runs it elsewhere and nothing is lost.
/// </summary>
public class StartupThreadTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Test]
    public async Task AStepHandedOverDuringTheWarmUp_RunsOnTheStartupThread_AfterIt()
    {
        using var warming = new ManualResetEventSlim();
        var warmedUp = false;
        var startup = StartupThread.Start(() => { warming.Wait(Guard); warmedUp = true; });
        var ran = new TaskCompletionSource<(string? Thread, bool AfterWarmUp)>(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.That(startup.TryThen(() => ran.SetResult((Thread.CurrentThread.Name, warmedUp))), Is.True);
        Assert.That(ran.Task.IsCompleted, Is.False, "the step waits for the warm-up");
        warming.Set();

        var (thread, afterWarmUp) = await ran.Task.WaitAsync(Guard);
        Assert.That(thread, Is.EqualTo(StartupThread.ThreadName));
        Assert.That(afterWarmUp, Is.True);
    }

    [Test]
    public async Task AStepHandedOverAfterTheThreadEnded_IsRefused_AndNotRun()
    {
        var startup = StartupThread.Start(() => { });
        await Eventually.UntilAsync(() => startup.HasEnded, Guard);

        var ran = false;
        Assert.That(startup.TryThen(() => ran = true), Is.False, "the caller runs it elsewhere");
        Assert.That(ran, Is.False);
    }

    [Test]
    public async Task AFailedWarmUp_StillRunsTheStep_AndAFailingStepDoesNotEndTheProcess()
    {
        using var warming = new ManualResetEventSlim();
        var startup = StartupThread.Start(() => { warming.Wait(Guard); throw new InvalidOperationException("warm-up failed"); });
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.That(startup.TryThen(() => { ran.SetResult(); throw new InvalidOperationException("step failed"); }), Is.True);
        warming.Set();

        await ran.Task.WaitAsync(Guard);
        await Eventually.UntilAsync(() => startup.HasEnded, Guard);
    }

    [Test]
    public async Task TheDefaultWarmUp_Ends_AndTakesNoStepAfterwards()
    {
        var startup = StartupThread.Start();
        await Eventually.UntilAsync(() => startup.HasEnded, Guard);
        Assert.That(startup.TryThen(() => { }), Is.False);
        Assert.That(StartupThread.HasWarmedUp, Is.True, "later clients of the process skip it");
    }
}
