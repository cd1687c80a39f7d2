using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.Configuration;
using SpApi.Auth.Standalone;

namespace SpApi.Auth.Tests.Startup;

/// <summary>
/// The console client's own service provider: each service is made once, under a lock of its own (one being made does
/// not hold up another), a failed factory is tried again, and disposal runs last-made-first, also for a service that was
/// being made while the provider was disposed.
/// </summary>
public class StandaloneServicesTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30); // a hang guard only, never a timing assertion

    private sealed class Probe(string name, List<string> disposed) : IDisposable
    {
        public void Dispose()
        {
            lock (disposed) disposed.Add(name);
        }
    }

    private static StandaloneServices Services(Action<ISpApiSingletons> first) => new(new SellingPartnerOptions
    {
        ClientId = "amzn1.application-oa2-client.test",
        ClientSecret = "secret",
        RefreshToken = "Atzr|refresh",
    }, SpApiClientCatalog.Generated(), first);

    [Test]
    public async Task A_service_asked_for_by_many_threads_at_once_is_made_once()
    {
        var made = 0;
        using var gate = new ManualResetEventSlim();
        using var services = Services(s => s.TryAdd(_ =>
        {
            Interlocked.Increment(ref made);
            gate.Wait(Guard);
            return new Probe("one", []);
        }));

        var askers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => services.GetService(typeof(Probe)))).ToArray();
        await Eventually.UntilAsync(() => Volatile.Read(ref made) == 1, Guard);
        gate.Set();
        var answers = await Task.WhenAll(askers).WaitAsync(Guard);

        Assert.That(made, Is.EqualTo(1));
        Assert.That(answers.Distinct().Count(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_service_being_made_does_not_hold_up_another()
    {
        using var gate = new ManualResetEventSlim();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var services = Services(s => s.TryAdd(_ =>
        {
            started.TrySetResult();
            gate.Wait(Guard);
            return new Probe("slow", []);
        }));
        var slow = Task.Run(() => services.GetService(typeof(Probe)));
        await started.Task.WaitAsync(Guard);

        // Made while the probe's factory still waits (with one lock for all, this would wait for the gate).
        var settings = await Task.Run(() => services.GetService(typeof(SellingPartnerSettings))).WaitAsync(Guard);

        Assert.That(settings, Is.InstanceOf<SellingPartnerSettings>());
        Assert.That(slow.IsCompleted, Is.False);
        gate.Set();
        await slow.WaitAsync(Guard);
    }

    [Test]
    public void A_factory_that_failed_is_tried_again()
    {
        var attempts = 0;
        using var services = Services(s => s.TryAdd(_ =>
            ++attempts == 1 ? throw new InvalidOperationException("not yet") : new Probe("second", [])));

        Assert.Throws<InvalidOperationException>(() => services.GetService(typeof(Probe)));
        Assert.That(services.GetService(typeof(Probe)), Is.InstanceOf<Probe>());
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public void Disposal_runs_last_made_first()
    {
        var disposed = new List<string>();
        var services = Services(s =>
        {
            s.TryAdd(_ => new Probe("made first", disposed));
            s.TryAdd(sp => new Probe2(sp.GetRequiredService<Probe>(), disposed));
        });
        services.GetService(typeof(Probe2)); // makes Probe (its dependency) first

        services.Dispose();

        Assert.That(disposed, Is.EqualTo(new[] { "made last", "made first" }));
        Assert.Throws<ObjectDisposedException>(() => services.GetService(typeof(Probe)));
    }

    private sealed class Probe2(Probe dependency, List<string> disposed) : IDisposable
    {
        public Probe Dependency { get; } = dependency;

        public void Dispose()
        {
            lock (disposed) disposed.Add("made last");
        }
    }

    [Test]
    public async Task A_service_made_while_the_provider_is_disposed_is_disposed_too()
    {
        var disposed = new List<string>();
        using var gate = new ManualResetEventSlim();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = Services(s => s.TryAdd(_ =>
        {
            started.TrySetResult();
            gate.Wait(Guard);
            return new Probe("late", disposed);
        }));
        var making = Task.Run(() => services.GetService(typeof(Probe)));
        await started.Task.WaitAsync(Guard);

        services.Dispose();
        gate.Set();

        Assert.ThrowsAsync<ObjectDisposedException>(() => making.WaitAsync(Guard));
        Assert.That(disposed, Is.EqualTo(new[] { "late" }), "nothing made is left undisposed");
    }
}
