namespace SpApi.Generator.Update;

/// <summary>
/// Every file and folder under <c>models/</c> (the lock file and the synced models) as it was before an update,
/// so a failed update can put the folder back byte for byte: changed files rewritten, new files and folders
/// deleted, removed ones recreated.
/// </summary>
public sealed class WorkingTreeBackup
{
    private readonly string _root;
    private readonly Dictionary<string, byte[]> _files;
    private readonly HashSet<string> _folders;

    private WorkingTreeBackup(string root, Dictionary<string, byte[]> files, HashSet<string> folders)
    {
        _root = root;
        _files = files;
        _folders = folders;
    }

    public static WorkingTreeBackup Capture(string root)
    {
        root = Path.GetFullPath(root);
        var files = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes)
            : [];
        var folders = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Select(d => Path.GetRelativePath(root, d)).ToHashSet()
            : [];
        return new WorkingTreeBackup(root, files, folders);
    }

    public int FileCount => _files.Count;

    public void Restore()
    {
        if (Directory.Exists(_root))
        {
            foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).ToList())
                if (!_files.ContainsKey(Path.GetRelativePath(_root, file))) File.Delete(file);
            // Deepest first, so a new folder's new sub-folders go before it.
            foreach (var folder in Directory.EnumerateDirectories(_root, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
                if (!_folders.Contains(Path.GetRelativePath(_root, folder))) Directory.Delete(folder, recursive: true);
        }
        foreach (var folder in _folders) Directory.CreateDirectory(Path.Combine(_root, folder));
        foreach (var (relative, bytes) in _files)
        {
            var path = Path.Combine(_root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)) File.WriteAllBytes(path, bytes);
        }
    }
}
