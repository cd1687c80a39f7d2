using SpApi.Auth.Standalone;

namespace SpApi.Auth.Tests.Startup;

/// <summary>The warm-up <c>SellingPartnerClient.Create</c> starts first: on a background thread of its own, best effort.</summary>
public class StartupWarmupTests
{
    [Test]
    public async Task AWarmUp_RunsOnTheStartupThread_AndItsFailureIsDropped()
    {
        string? thread = null;
        bool? background = null;

        var finished = StartupWarmup.Start(() =>
        {
            thread = Thread.CurrentThread.Name;
            background = Thread.CurrentThread.IsBackground;
            throw new InvalidOperationException("warm-up failed");
        });

        Assert.That(finished, Is.Not.Null);
        await finished!.WaitAsync(TimeSpan.FromSeconds(30)); // completes: the failure ends on that thread, not in the process
        Assert.That(thread, Is.EqualTo(StartupWarmup.ThreadName));
        Assert.That(background, Is.True, "a warm-up never keeps a process alive");
    }
}
