using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SpApi.Cli.Bench.Faults.Models;

/// <summary>What one generator process made of a set of models: its exit code, output, and the generated files by name.</summary>
internal sealed record GeneratorOutcome(int ExitCode, string Output, string Error, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>The generator's one-line refusal (<c>error SPAPI001: ...</c>), or null.</summary>
    public string? Refusal => ExitCode == 1 && Error.Contains("error SPAPI001:", StringComparison.Ordinal) ? Error.Trim() : null;
}

/// <summary>
/// Runs the real generator in its own process, as the build does (<c>dotnet SpApi.Generator.dll generate --repo DIR
/// --out DIR --no-sync</c>), on models written into a temporary repository: the models, a lock pinning their sha256,
/// nswag.json (its template folder pointing at the real templates) and an empty restricted-operations table.
/// </summary>
internal static class GeneratorRun
{
    /// <summary>A generator that takes longer than this on a tiny model is hung (a crash of the scenario).</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <param name="models">Model text by path relative to <c>models/</c> (e.g. <c>hostile-api-model/hostileV0.json</c>).</param>
    public static async Task<GeneratorOutcome> RunAsync(GeneratorLocation generator, IReadOnlyDictionary<string, string> models, CancellationToken cancellationToken)
    {
        var repo = Directory.CreateTempSubdirectory("spapi-hostile-model-").FullName;
        try
        {
            await WriteRepositoryAsync(generator, repo, models, cancellationToken);
            var output = Path.Combine(repo, "out");
            var start = new ProcessStartInfo(DotnetHost.Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var arg in new[] { generator.Dll, "generate", "--repo", repo, "--out", output, "--no-sync" }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"the generator did not finish within {Timeout.TotalMinutes:0} minutes");
            }
            var files = Directory.Exists(output)
                ? Directory.GetFiles(output, "*.g.cs").ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f), StringComparer.Ordinal)
                : new Dictionary<string, string>();
            return new GeneratorOutcome(process.ExitCode, await stdout, await stderr, files);
        }
        finally
        {
            try { Directory.Delete(repo, recursive: true); }
            catch (IOException) { }
        }
    }

    private static async Task WriteRepositoryAsync(GeneratorLocation generator, string repo, IReadOnlyDictionary<string, string> models, CancellationToken ct)
    {
        var nswag = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(generator.SettingsRoot, "nswag.json"), ct))!;
        var client = nswag["codeGenerators"]?["openApiToCSharpClient"] as JsonObject;
        if (client?["templateDirectory"]?.GetValue<string>() is { Length: > 0 } templates)
            client["templateDirectory"] = Path.GetFullPath(Path.Combine(generator.SettingsRoot, templates));
        await File.WriteAllTextAsync(Path.Combine(repo, "nswag.json"), nswag.ToJsonString(), ct);

        var restricted = Directory.CreateDirectory(Path.Combine(repo, "src", "SpApi.Auth", "Restricted")).FullName;
        await File.WriteAllTextAsync(Path.Combine(restricted, "restricted-operations.json"), """{ "operations": [] }""", ct);

        var locked = new JsonArray();
        foreach (var (relative, text) in models)
        {
            var file = Path.Combine(repo, "models", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            var bytes = new UTF8Encoding(false).GetBytes(text);
            await File.WriteAllBytesAsync(file, bytes, ct);
            locked.Add(new JsonObject { ["path"] = relative, ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)) });
        }
        var lockFile = new JsonObject { ["upstream"] = "local", ["commit"] = "hostile-models", ["files"] = locked };
        await File.WriteAllTextAsync(Path.Combine(repo, "models", "models.lock.json"), lockFile.ToJsonString(), ct);
    }
}
