using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;
using SpApi.Cli.Bench;

// dotnet run -c Release --project tests/SpApi.Benchmarks -- --filter '*' --job short   (README, "Benchmarks")
Console.WriteLine($"SpApi overhead benchmarks; the Pipeline methods use: {BenchPipeline.Label}");
Console.WriteLine($"payloads: small {BenchPayloads.MarketplaceParticipationsJson.Length:N0} B, large {BenchPayloads.OrdersJson.Length:N0} B ({BenchPayloads.OrderCount} orders)");

BenchmarkSwitcher.FromAssembly(typeof(SpApi.Benchmarks.OverheadBenchmarks).Assembly)
    .Run(args, DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default));
