using System.Collections.Concurrent;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using SpApi.Runtime.Json;

namespace SpApi.Runtime.Tests;

// Each test uses response types of its own: a warm-up starts once per type and process.
public class ResponseReaderWarmupTests
{
    /// <summary>Records each contract Json.NET builds (it builds one per type and caches it).</summary>
    private sealed class RecordingResolver : DefaultContractResolver
    {
        public ConcurrentQueue<Type> Built { get; } = new();

        protected override JsonContract CreateContract(Type objectType)
        {
            Built.Enqueue(objectType);
            return base.CreateContract(objectType);
        }
    }

    private static JsonSerializerSettings Settings(out RecordingResolver resolver) =>
        new() { ContractResolver = resolver = new RecordingResolver() };

    private sealed class Leaf { public string? Name { get; set; } }
    private sealed class Middle
    {
        public List<Leaf>? Leaves { get; set; }
        public Dictionary<string, Leaf>? ByName { get; set; }
    }
    private sealed class Root
    {
        public Middle? Middle { get; set; }
        public int Count { get; set; }
    }

    [Test]
    public async Task Start_builds_the_contracts_of_the_response_type_and_of_what_it_holds()
    {
        var warmup = ResponseReaderWarmup.Start<Root>(Settings(out var resolver));

        Assert.That(warmup, Is.Not.Null);
        await warmup!;
        Assert.That(resolver.Built, Is.SupersetOf(new[]
        {
            typeof(Root), typeof(Middle), typeof(int), typeof(List<Leaf>), typeof(Dictionary<string, Leaf>), typeof(Leaf), typeof(string),
        }));
        Assert.That(ResponseReaderWarmup.WasStarted<Root>(), Is.True);
    }

    private sealed class OnceRoot { public Leaf? Leaf { get; set; } }

    [Test]
    public async Task Start_runs_once_per_response_type()
    {
        var first = ResponseReaderWarmup.Start<OnceRoot>(Settings(out _));
        await first!;

        var second = ResponseReaderWarmup.Start<OnceRoot>(Settings(out var other));

        Assert.That(second, Is.Null);
        Assert.That(other.Built, Is.Empty, "nothing is resolved again for a type already started");
    }

    private sealed class Node
    {
        public Node? Next { get; set; }
        public List<Node>? Children { get; set; }
    }

    [Test]
    public async Task Start_ends_on_types_that_contain_themselves()
    {
        var warmup = ResponseReaderWarmup.Start<Node>(Settings(out var resolver));

        await warmup!.WaitAsync(TimeSpan.FromSeconds(30)); // a hang guard: a walk that revisited Node would not end
        Assert.That(resolver.Built, Is.EquivalentTo(new[] { typeof(Node), typeof(List<Node>) }));
    }

    // Each level is a new type: Chain<int>, Chain<Chain<int>>, ... without end.
    private sealed class Chain<T> { public Chain<Chain<T>>? Next { get; set; } }

    [Test]
    public void ResolveAhead_stops_at_its_limit_on_an_unbounded_graph()
    {
        var resolver = new RecordingResolver();

        ResponseReaderWarmup.ResolveAhead(resolver, typeof(Chain<int>));

        Assert.That(resolver.Built.Count(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Chain<>)),
            Is.EqualTo(ResponseReaderWarmup.MaxTypes));
    }

    private sealed class Unbuildable
    {
        public Unbuildable() => throw new InvalidOperationException("no instance of this type can be made");
        public string? Name { get; set; }
    }

    [Test]
    public async Task A_type_that_cannot_be_read_ends_the_warmup_quietly()
    {
        var warmup = ResponseReaderWarmup.Start<Unbuildable>(Settings(out var resolver));

        await warmup!; // does not throw: a warm-up never reports, the real read does
        Assert.That(warmup!.Status, Is.EqualTo(TaskStatus.RanToCompletion));
        Assert.That(resolver.Built, Does.Contain(typeof(Unbuildable)));
    }

    [Test, NonParallelizable]
    public async Task A_primitive_answer_resolves_its_contract_and_reads_nothing()
    {
        var jsonErrors = 0;
        EventHandler<System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs> count = (_, e) =>
        {
            if (e.Exception is JsonException) Interlocked.Increment(ref jsonErrors);
        };
        AppDomain.CurrentDomain.FirstChanceException += count;
        try
        {
            await ResponseReaderWarmup.Start<DayOfWeek>(Settings(out var resolver))!;

            Assert.That(resolver.Built, Is.EqualTo(new[] { typeof(DayOfWeek) }));
            Assert.That(jsonErrors, Is.Zero, "an enum has no empty document to read; trying one would only throw");
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= count;
        }
    }

    private sealed class Order
    {
        public string? AmazonOrderId { get; set; }
        public List<Leaf>? Items { get; set; }
    }

    [Test]
    public async Task A_read_after_the_warmup_gives_the_same_answer()
    {
        var settings = SpApiJson.CreateSettings();
        await ResponseReaderWarmup.Start<Order>(settings)!;
        using var reader = new JsonTextReader(new StringReader("""{"AmazonOrderId":"123-4","Items":[{"Name":"a"},{"Name":"b"}]}"""));

        var order = SpApiJson.SerializerFor(settings).Deserialize<Order>(reader)!;

        Assert.That(order.AmazonOrderId, Is.EqualTo("123-4"));
        Assert.That(order.Items!.Select(i => i.Name), Is.EqualTo(new[] { "a", "b" }));
    }

    private sealed class SwitchedOff { public Leaf? Leaf { get; set; } }

    [Test, NonParallelizable]
    public void The_AppContext_switch_turns_the_warmup_off()
    {
        AppContext.SetSwitch(ResponseReaderWarmup.DisableSwitch, true);
        try
        {
            var warmup = ResponseReaderWarmup.Start<SwitchedOff>(Settings(out var resolver));

            Assert.That(warmup, Is.Null);
            Assert.That(resolver.Built, Is.Empty);
            Assert.That(ResponseReaderWarmup.WasStarted<SwitchedOff>(), Is.False);
        }
        finally
        {
            AppContext.SetSwitch(ResponseReaderWarmup.DisableSwitch, false);
        }
    }
}
