namespace SpApi.Generator.Update;

/// <summary>
/// Fetches the latest upstream models (outside this network) into a snapshot folder shaped like
/// <c>../shared/sp-api-models/DATE_SHORTCOMMIT/</c>: a shallow git clone with an <c>UPSTREAM_COMMIT</c> file,
/// under the repository's git-ignored <c>obj/upstream-models/</c>.
/// </summary>
public static class UpstreamClone
{
    public static async Task<string> LatestAsync(string upstream, string repositoryRoot, Action<string> log, CancellationToken cancellationToken)
    {
        var parent = Path.Combine(repositoryRoot, "obj", "upstream-models");
        var working = Path.Combine(parent, "latest");
        if (Directory.Exists(working)) Directory.Delete(working, recursive: true);
        Directory.CreateDirectory(parent);

        log($"upstream: cloning the latest models from {upstream}");
        await Git(parent, cancellationToken, "clone", "-q", "--depth", "1", upstream, working);
        var commit = (await Git(working, cancellationToken, "rev-parse", "HEAD")).Trim();
        var date = (await Git(working, cancellationToken, "show", "-s", "--format=%cs", "HEAD")).Trim();
        if (!Directory.Exists(Path.Combine(working, "models")))
            throw new UpdateStepException($"{upstream} at {commit} has no models/ folder; is it the SP-API models repository?");
        await File.WriteAllTextAsync(Path.Combine(working, "UPSTREAM_COMMIT"), commit + "\n", cancellationToken);

        // Named like the shared snapshots, so the lock records the commit date.
        var snapshot = Path.Combine(parent, $"{date}_{commit[..7]}");
        if (Directory.Exists(snapshot)) Directory.Delete(snapshot, recursive: true);
        Directory.Move(working, snapshot);
        return snapshot;
    }

    private static async Task<string> Git(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var (exitCode, output) = await ProcessRunner.RunAsync("git", arguments, directory, cancellationToken);
        return exitCode == 0 ? output : throw new UpdateStepException($"git {string.Join(' ', arguments)} failed ({exitCode}): {output.Trim()}");
    }
}
