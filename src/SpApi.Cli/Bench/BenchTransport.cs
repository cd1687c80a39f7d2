namespace SpApi.Cli.Bench;

/// <summary>Where benchmark requests go: a handler factory (one handler per client) and the base address.</summary>
internal sealed record BenchTransport(string Name, Func<HttpMessageHandler> CreateHandler, Uri BaseAddress)
{
    /// <summary>Canned responses in memory: measures pure client overhead.</summary>
    public static BenchTransport InMemory { get; } =
        new("in-memory", () => new CannedResponseHandler(), new Uri("https://sellingpartnerapi-na.amazon.com/"));
}
