using SpApi.Cli.Bench.StandIn;

namespace SpApi.Cli.Bench;

/// <summary>The handler pipeline the "pipeline" scenarios send through (the one place to swap it).</summary>
internal static class BenchPipeline
{
    /// <summary>What the pipeline scenarios measure, printed with every result.</summary>
    public static string Label => StandInPipeline.Label;

    /// <summary>A one-word tag for tables: <c>stand-in</c> or <c>SpApi.Auth</c>.</summary>
    public static string Kind => "stand-in";

    public static HttpMessageHandler Create(HttpMessageHandler transport, TimeProvider time) =>
        StandInPipeline.Create(transport, time);
}
