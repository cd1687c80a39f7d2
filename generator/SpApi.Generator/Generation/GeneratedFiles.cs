namespace SpApi.Generator.Generation;

/// <summary>Writes generated files only when their text changed and removes files no longer produced.</summary>
public static class GeneratedFiles
{
    public static int WriteChanged(string outputDir, IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(outputDir);
        var written = 0;
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(outputDir, name);
            if (File.Exists(path) && File.ReadAllText(path) == text) continue;
            File.WriteAllText(path, text);
            written++;
        }
        foreach (var stale in Directory.EnumerateFiles(outputDir, "*.g.cs"))
            if (!files.ContainsKey(Path.GetFileName(stale)))
            {
                File.Delete(stale);
                written++;
            }
        return written;
    }
}
