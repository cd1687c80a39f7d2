using SpApi.Generator.Diff;
using SpApi.Generator.Models;

namespace SpApi.Generator.Update;

/// <summary>
/// What to update to: a snapshot folder (models/ + UPSTREAM_COMMIT), or, when <paramref name="From"/> is null,
/// the latest commit of <paramref name="Upstream"/> (the lock's upstream when that is null too); where to write
/// the report; whether to smoke-run.
/// </summary>
public sealed record UpdateRequest(string RepositoryRoot, string? From, string? ReportPath = null, bool Smoke = true, string? Upstream = null);

/// <summary>How an update ended. On failure the working tree is already restored.</summary>
public sealed record UpdateResult(
    ApiChangeReport Report,
    ReportFiles ReportFiles,
    IReadOnlyList<string> Steps,
    string? FailedStep = null,
    string? Error = null)
{
    public bool Succeeded => FailedStep is null;
}

/// <summary>
/// The update workflow: diff the pinned models against a newer snapshot, write the API change report, then
/// pin (lock file), sync, generate, build and smoke-run. Nothing under <c>models/</c> changes before the report
/// is written, and if any later step fails <c>models/</c> (lock file and synced models) is restored exactly.
/// </summary>
public sealed class ModelUpdate(IUpdateSteps steps, Action<string> log)
{
    public async Task<UpdateResult> RunAsync(UpdateRequest request, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(request.RepositoryRoot);
        var sync = new ModelSync(root, log);
        var pinned = sync.Sync();
        var from = request.From is { } folder
            ? SnapshotFolder(folder)
            : await UpstreamClone.LatestAsync(request.Upstream ?? pinned.Upstream, root, log, cancellationToken);
        log($"update: comparing the pinned models ({Short(pinned.Commit)}) with {from}");
        var target = ModelLock.FromSnapshot(from, request.Upstream ?? pinned.Upstream);

        var report = ModelDiffer.Compare(
            ModelSet.Load(sync.ModelsDir, pinned.Commit, pinned.Files.Select(f => f.Path)),
            ModelSet.Load(from, target.Commit, target.Files.Select(f => f.Path)));
        var reportFiles = request.ReportPath is { } path ? ReportFiles.For(path) : ReportFiles.Default(root, report);
        await reportFiles.WriteAsync(report, cancellationToken);
        log($"report: {report.Summary}");

        if (pinned.Commit == target.Commit && pinned.Files.SequenceEqual(target.Files))
            return new UpdateResult(report, reportFiles, [$"already pinned at {Short(target.Commit)}: nothing to regenerate"]);

        var backup = WorkingTreeBackup.Capture(sync.ModelsDir);
        var done = new List<string>();
        var step = "lock";
        try
        {
            target.Save(sync.LockPath);
            done.Add($"lock: {ModelLock.FileName} pins {Short(target.Commit)} ({target.Files.Count} files)");
            step = "sync";
            sync.Sync(from);
            done.Add($"sync: {target.Files.Count} model files verified");
            step = "generate";
            done.Add("generate: " + await steps.GenerateAsync(root, target.Files.Select(f => f.Path).ToList(), cancellationToken));
            step = "build";
            done.Add("build: " + await steps.BuildAsync(root, cancellationToken));
            if (request.Smoke)
            {
                step = "smoke";
                done.Add("smoke: " + (await steps.SmokeAsync(root, cancellationToken) ?? "skipped (the CLI has no smoke verb yet)"));
            }
            return new UpdateResult(report, reportFiles, done);
        }
        catch (Exception e)
        {
            // Whatever went wrong (including cancellation), the working tree goes back to the old pin.
            backup.Restore();
            var error = e switch
            {
                OperationCanceledException => "cancelled",
                GeneratorException or UpdateStepException or ModelDiffException => e.Message,
                _ => $"{e.GetType().Name}: {e.Message}",
            };
            return new UpdateResult(report, reportFiles, done, step, error);
        }
    }

    /// <summary>Accepts the snapshot folder or the models/ folder inside it.</summary>
    private static string SnapshotFolder(string from)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(from));
        if (!Directory.Exists(full)) throw new GeneratorException($"--from folder not found: {full}.");
        var parent = Path.GetDirectoryName(full);
        return Path.GetFileName(full) == "models" && parent is not null && File.Exists(Path.Combine(parent, "UPSTREAM_COMMIT")) ? parent : full;
    }

    private static string Short(string commit) => commit[..Math.Min(7, commit.Length)];
}
