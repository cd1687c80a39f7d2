using Newtonsoft.Json.Linq;
using SpApi.Generator.Models;
using SpApi.Generator.Tests.Diff;
using SpApi.Generator.Update;

namespace SpApi.Generator.Tests.Update;

/// <summary>
/// A throw-away layout like the real one: <c>repo/</c> (with SpApi.Generated.sln and models/ pinned to snapshot A),
/// <c>shared/sp-api-models/2026-01-01_aaaaaaa/</c> (snapshot A) and <c>snapB/</c> (a newer snapshot in which
/// createOrder is gone and a tracking model is new).
/// </summary>
internal sealed class UpdateFixture : IDisposable
{
    public const string CommitA = "aaaaaaa1111111111111111111111111111111111";
    public const string CommitB = "bbbbbbb2222222222222222222222222222222222";

    public UpdateFixture()
    {
        Root = Directory.CreateTempSubdirectory("spapi-update-").FullName;
        Directory.CreateDirectory(Repo);
        File.WriteAllText(Path.Combine(Repo, "SpApi.Generated.sln"), "");
        Directory.CreateDirectory(Path.Combine(Repo, "models"));

        SnapshotA = Snapshot(Path.Combine(Root, "shared", "sp-api-models", "2026-01-01_aaaaaaa"), CommitA, DiffFixture.Model());
        var newer = DiffFixture.Model();
        ((JObject)newer["paths"]!).Remove("/orders/v1/orders");
        SnapshotB = Snapshot(Path.Combine(Root, "snapB"), CommitB, newer);
        var tracking = DiffFixture.Model();
        tracking["info"]!["title"] = "Test Tracking";
        WriteModel(SnapshotB, "tracking-api-model/trackingTest.json", tracking.ToString());

        ModelLock.FromSnapshot(SnapshotA).Save(LockPath);
        new ModelSync(Repo).Sync();
    }

    public string Root { get; }
    public string Repo => Path.Combine(Root, "repo");
    public string ModelsDir => Path.Combine(Repo, "models");
    public string LockPath => Path.Combine(ModelsDir, ModelLock.FileName);
    public string SnapshotA { get; }
    public string SnapshotB { get; }
    public string ReportPath => Path.Combine(Root, "out", "changes.json");

    public static void WriteModel(string snapshot, string relative, string text)
    {
        var path = Path.Combine(snapshot, "models", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Every file and folder under models/ with its content, to prove a restore is exact.</summary>
    public SortedDictionary<string, string> ModelsState() => State(ModelsDir);

    public static SortedDictionary<string, string> State(string root)
    {
        var state = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories)) state[Path.GetRelativePath(root, dir) + "/"] = "";
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) state[Path.GetRelativePath(root, file)] = File.ReadAllText(file);
        return state;
    }

    public async Task<(int Exit, string Out, string Error)> RunAsync(IUpdateSteps steps, params string[] extra)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = ["--repo", Repo, "--from", SnapshotB, "--report", ReportPath, .. extra];
        var exit = await UpdateCommand.RunAsync(args, steps, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string Snapshot(string folder, string commit, JObject orders)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "UPSTREAM_COMMIT"), commit + "\n");
        WriteModel(folder, DiffFixture.File, orders.ToString());
        return folder;
    }
}

/// <summary>Records the steps it is asked to run and can fail one of them.</summary>
internal sealed class FakeSteps(string? failAt = null, Exception? failure = null) : IUpdateSteps
{
    public List<string> Calls { get; } = [];

    /// <summary>The model files present when generation ran (it must see the new models).</summary>
    public IReadOnlyList<string> GeneratedFrom { get; private set; } = [];

    public Task<string> GenerateAsync(string repositoryRoot, IReadOnlyList<string> modelFiles, CancellationToken cancellationToken)
    {
        GeneratedFrom = modelFiles.Where(f => File.Exists(Path.Combine(repositoryRoot, "models", f))).ToList();
        return Step("generate", $"{modelFiles.Count} clients");
    }

    public Task<string> BuildAsync(string repositoryRoot, CancellationToken cancellationToken) => Step("build", "built");

    public Task<string?> SmokeAsync(string repositoryRoot, CancellationToken cancellationToken) => Step("smoke", "passed")!;

    private Task<string> Step(string name, string result)
    {
        Calls.Add(name);
        if (name == failAt) throw failure ?? new UpdateStepException($"{name} broke: error CS0246 in SpApi.Tracking");
        return Task.FromResult(result);
    }
}
