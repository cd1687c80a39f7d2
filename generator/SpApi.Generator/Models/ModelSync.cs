using System.Diagnostics;

namespace SpApi.Generator.Models;

/// <summary>
/// Fills the project's <c>models/</c> folder with the pinned files and verifies every hash.
/// Source, first found: <c>SPAPI_MODELS_SOURCE</c>; <c>../shared/sp-api-models/DATE_SHORTCOMMIT/</c> beside the
/// repository; else a git clone of the upstream repository at the pinned commit (needs network).
/// </summary>
public sealed class ModelSync(string repoRoot, Action<string>? log = null)
{
    public const string SourceVariable = "SPAPI_MODELS_SOURCE";

    private readonly Action<string> _log = log ?? (_ => { });

    public string ModelsDir => Path.Combine(repoRoot, "models");
    public string LockPath => Path.Combine(ModelsDir, ModelLock.FileName);
    public string SchemasDir => Path.Combine(repoRoot, "schemas");

    /// <summary>Syncs and verifies; returns the lock. Throws <see cref="GeneratorException"/> naming the problem.</summary>
    public ModelLock Sync(string? explicitSource = null)
    {
        var lockFile = ModelLock.Load(LockPath);
        if (IsInSync(lockFile))
        {
            _log($"models: {lockFile.Files.Count} files and {lockFile.Schemas.Count} schemas already match {ModelLock.FileName} (commit {lockFile.Commit[..7]}).");
            return lockFile;
        }

        var source = ResolveSource(lockFile, explicitSource);
        _log($"models: syncing {lockFile.Files.Count} files from {source.Description}");
        foreach (var file in lockFile.Files)
            CopyVerified(Path.Combine(source.ModelsDir, file.Path), Path.Combine(ModelsDir, file.Path), file, "Model", source, lockFile);
        foreach (var file in lockFile.Schemas)
            CopyVerified(Path.Combine(source.SchemasDir, file.Path), Path.Combine(SchemasDir, file.Path), file, "Schema", source, lockFile);
        RemoveStrays(lockFile);
        Verify(lockFile);
        return lockFile;
    }

    /// <summary>Checks every synced file against the lock; throws naming the first bad file.</summary>
    public void Verify(ModelLock lockFile)
    {
        VerifyFiles(lockFile.Files, ModelsDir, "Model", "models", " (quirks are fixed in the generator's pre-processing)");
        VerifyFiles(lockFile.Schemas, SchemasDir, "Schema", "schemas", "");
    }

    private static void VerifyFiles(IEnumerable<LockedFile> files, string dir, string kind, string folder, string editHint)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(dir, file.Path);
            if (!File.Exists(path))
                throw new GeneratorException($"{kind} file {folder}/{file.Path} is missing. Run the build (or 'dotnet run --project generator/SpApi.Generator -- sync') to sync the pinned {folder}.");
            if (ModelLock.Sha256(path) != file.Sha256)
                throw new GeneratorException($"{kind} file {folder}/{file.Path} does not match its sha256 in {ModelLock.FileName}. Synced {folder} must not be edited: delete it and build again to re-sync{editHint}.");
        }
    }

    private static void CopyVerified(string from, string to, LockedFile file, string kind, ModelSource source, ModelLock lockFile)
    {
        if (!File.Exists(from))
            throw new GeneratorException($"{kind} file '{file.Path}' listed in {ModelLock.FileName} is missing from {source.Description}. Point {SourceVariable} at a snapshot of commit {lockFile.Commit}.");
        var actual = ModelLock.Sha256(from);
        if (actual != file.Sha256)
            throw new GeneratorException($"{kind} file '{file.Path}' in {source.Description} has sha256 {actual}, but {ModelLock.FileName} pins {file.Sha256}. The source is not commit {lockFile.Commit}; use the matching snapshot, or run the update workflow to move the pin.");
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
    }

    private bool IsInSync(ModelLock lockFile)
    {
        try { Verify(lockFile); return true; }
        catch (GeneratorException) { return false; }
    }

    private void RemoveStrays(ModelLock lockFile)
    {
        var pinned = lockFile.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var rel in ModelSource.FromFolder(ModelsDir).ListModelFiles())
            if (rel != ModelLock.FileName && !pinned.Contains(rel))
                File.Delete(Path.Combine(ModelsDir, rel));
        if (!Directory.Exists(SchemasDir)) return;
        var pinnedSchemas = lockFile.Schemas.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(SchemasDir, "*", SearchOption.AllDirectories))
            if (!pinnedSchemas.Contains(Path.GetRelativePath(SchemasDir, file).Replace('\\', '/')))
                File.Delete(file);
    }

    internal ModelSource ResolveSource(ModelLock lockFile, string? explicitSource)
    {
        if (!string.IsNullOrWhiteSpace(explicitSource))
            return ModelSource.FromFolder(explicitSource, $"{explicitSource} (--source)");
        var env = Environment.GetEnvironmentVariable(SourceVariable);
        if (!string.IsNullOrWhiteSpace(env))
            return ModelSource.FromFolder(env, $"{env} ({SourceVariable})");
        var shared = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "sp-api-models", lockFile.SnapshotName));
        if (Directory.Exists(shared))
            return ModelSource.FromFolder(shared);
        return CloneUpstream(lockFile, shared);
    }

    private ModelSource CloneUpstream(ModelLock lockFile, string triedShared)
    {
        var target = Path.Combine(repoRoot, "obj", "upstream-models", lockFile.Commit);
        if (!Directory.Exists(Path.Combine(target, "models")))
        {
            _log($"models: no {SourceVariable} and no {triedShared}; cloning {lockFile.Upstream} at {lockFile.Commit}");
            Directory.CreateDirectory(target);
            try
            {
                Git(target, "init", "-q");
                Git(target, "fetch", "-q", "--depth", "1", lockFile.Upstream, lockFile.Commit);
                Git(target, "checkout", "-q", "FETCH_HEAD");
            }
            catch (Exception e) when (e is GeneratorException or System.ComponentModel.Win32Exception)
            {
                throw new GeneratorException($"No model source: {SourceVariable} is not set, {triedShared} does not exist, and cloning {lockFile.Upstream} at {lockFile.Commit} failed ({e.Message}). Set {SourceVariable} to a folder holding the models of that commit.");
            }
        }
        return ModelSource.FromFolder(target, $"{lockFile.Upstream}@{lockFile.Commit[..7]}");
    }

    private static void Git(string dir, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new GeneratorException($"git {args[0]} failed: {err.Trim()}");
    }
}
