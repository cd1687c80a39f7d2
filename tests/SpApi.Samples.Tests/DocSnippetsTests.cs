using System.Text.RegularExpressions;
using SpApi.Samples.Tests.Support;

namespace SpApi.Samples.Tests;

/// <summary>
/// The C# in the docs is code the build compiles: a block marked <c>&lt;!-- snippet: NAME --&gt;</c> must equal the
/// region <c>#region NAME</c> of a file under samples/ (indentation removed). Run with SPAPI_UPDATE_SNIPPETS=1 to
/// rewrite the marked blocks from their regions.
/// </summary>
public partial class DocSnippetsTests
{
    /// <summary>Pages where every C# block must be a compiled snippet.</summary>
    private static readonly string[] CheckedPages =
    [
        "README.md", "docs/README.md", "docs/authentication.md", "docs/pipeline.md", "docs/rate-limits-and-retries.md",
        "docs/telemetry.md", "docs/sandbox.md", "docs/model-updates.md", "docs/benchmarks.md", "docs/generation.md", "docs/samples.md",
    ];

    [Test]
    public void Every_marked_block_equals_its_compiled_region()
    {
        var regions = Regions();
        var update = Environment.GetEnvironmentVariable("SPAPI_UPDATE_SNIPPETS") == "1";
        var problems = new List<string>();
        var quoted = 0;
        foreach (var page in MarkdownPages())
        {
            var text = File.ReadAllText(page).ReplaceLineEndings("\n");
            var markers = Regex.Matches(text, "<!-- snippet: ").Count;
            if (markers != MarkedBlock().Matches(text).Count)
                problems.Add($"{Path.GetRelativePath(Repo.Root, page)}: a '<!-- snippet: name -->' marker not directly followed by a ```csharp block.");
            var rewritten = MarkedBlock().Replace(text, m =>
            {
                quoted++;
                var name = m.Groups["name"].Value;
                var where = $"{Path.GetRelativePath(Repo.Root, page)} snippet '{name}'";
                if (!regions.TryGetValue(name, out var region)) { problems.Add($"{where}: no '#region {name}' under samples/."); return m.Value; }
                if (Normalize(m.Groups["code"].Value) == Normalize(region)) return m.Value;
                if (update) return $"<!-- snippet: {name} -->\n```csharp\n{region}\n```";
                problems.Add($"{where} differs from its region. Expected:\n{region}\n");
                return m.Value;
            });
            if (update && rewritten != text) File.WriteAllText(page, rewritten);
        }
        Assert.That(problems, Is.Empty, string.Join("\n", problems) + "\n(SPAPI_UPDATE_SNIPPETS=1 build/test.sh --filter DocSnippets rewrites the docs from the regions)");
        Assert.That(quoted, Is.GreaterThanOrEqualTo(10), "the docs quote the compiled snippets");
    }

    [Test]
    public void Checked_pages_show_no_uncompiled_csharp()
    {
        var problems = new List<string>();
        foreach (var relative in CheckedPages)
        {
            var page = Path.Combine(Repo.Root, relative);
            if (!File.Exists(page)) { problems.Add($"{relative} is missing."); continue; }
            var lines = File.ReadAllLines(page);
            for (var i = 0; i < lines.Length; i++)
                if (Regex.IsMatch(lines[i].Trim(), "^```(csharp|cs|c#)$", RegexOptions.IgnoreCase) && (i == 0 || !lines[i - 1].StartsWith("<!-- snippet: ", StringComparison.Ordinal)))
                    problems.Add($"{relative}:{i + 1}: a C# block that is not a compiled snippet (put it in samples/Snippets in a #region and mark the block).");
        }
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }

    [Test]
    public void The_readme_stays_short() =>
        Assert.That(File.ReadAllLines(Path.Combine(Repo.Root, "README.md")), Has.Length.LessThanOrEqualTo(250));

    [Test]
    public void Every_relative_link_in_the_docs_resolves()
    {
        // Pages other engineers write (listed in docs/README.md) may arrive later; only links to files of this tree are checked.
        var missing = new List<string>();
        foreach (var page in MarkdownPages())
        foreach (Match m in Regex.Matches(File.ReadAllText(page), @"\]\((?<target>[^)#\s]+)(#[^)]*)?\)"))
        {
            var target = m.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal)) continue;
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, target));
            if (!File.Exists(path) && !Directory.Exists(path) && !PendingPages.Contains(Path.GetRelativePath(Repo.Root, path).Replace('\\', '/')))
                missing.Add($"{Path.GetRelativePath(Repo.Root, page)} -> {target}");
        }
        Assert.That(missing, Is.Empty, string.Join("\n", missing));
    }

    /// <summary>Pages other engineers are writing on their branches; linked already, merged by the lead.</summary>
    private static readonly HashSet<string> PendingPages =
    [
        "docs/security.md", "docs/restricted-data.md", "docs/sandbox-fidelity.md", "docs/fleet.md",
        "docs/pagination.md", "docs/notifications.md", "docs/documents.md", "docs/packages.md",
    ];

    private static IEnumerable<string> MarkdownPages() =>
        new[] { Path.Combine(Repo.Root, "README.md") }
            .Concat(Directory.Exists(Path.Combine(Repo.Root, "docs")) ? Directory.EnumerateFiles(Path.Combine(Repo.Root, "docs"), "*.md", SearchOption.AllDirectories) : []);

    private static Dictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Repo.Root, "samples"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Replace('\\', '/').Contains("/obj/", StringComparison.Ordinal) || file.Replace('\\', '/').Contains("/bin/", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var open = Regex.Match(lines[i], @"^\s*#region\s+(?<name>[\w-]+)\s*$");
                if (!open.Success) continue;
                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "#endregion");
                if (end < 0) Assert.Fail($"{file}: #region {open.Groups["name"].Value} has no #endregion.");
                var body = lines[(i + 1)..end];
                var indent = body.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
                if (!regions.TryAdd(open.Groups["name"].Value, string.Join("\n", body.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()))))
                    Assert.Fail($"Two regions are named '{open.Groups["name"].Value}'.");
            }
        }
        return regions;
    }

    private static string Normalize(string code) =>
        string.Join("\n", code.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim('\n');

    [GeneratedRegex(@"<!-- snippet: (?<name>[\w-]+) -->\n```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex MarkedBlock();
}
