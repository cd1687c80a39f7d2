using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using SpApi.Cli.Bench;

// dotnet run -c Release --project tests/SpApi.Benchmarks -- --filter '*'   (docs/benchmarks.md)
Console.WriteLine($"SpApi overhead benchmarks; pipeline scenarios use: {BenchPipeline.Label}");
Console.WriteLine($"payloads: small {BenchPayloads.MarketplaceParticipationsJson.Length:N0} B, large {BenchPayloads.OrdersJson.Length:N0} B ({BenchPayloads.OrderCount} orders)");

var config = DefaultConfig.Instance
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(new TagColumn("Pipeline impl", method => method == "Pipeline" ? BenchPipeline.Kind : "-"));
BenchmarkSwitcher.FromAssembly(typeof(SpApi.Benchmarks.OverheadBenchmarks).Assembly).Run(args, config);
