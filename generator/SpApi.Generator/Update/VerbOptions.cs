namespace SpApi.Generator.Update;

/// <summary>Minimal <c>--name value</c> / <c>--flag</c> parsing for the diff and update verbs.</summary>
public sealed class VerbOptions
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.OrdinalIgnoreCase);

    private VerbOptions(List<string> positional) => Positional = positional;

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Parses <paramref name="args"/>; options not in <paramref name="known"/> are a usage error naming them.</summary>
    public static VerbOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> known, IReadOnlyCollection<string>? flags = null)
    {
        var options = new VerbOptions([]);
        var positional = (List<string>)options.Positional;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) && !(arg.StartsWith('-') && arg.Length > 1 && char.IsLetter(arg[1])))
            {
                positional.Add(arg);
                continue;
            }
            var name = arg.TrimStart('-');
            if (flags?.Contains(name, StringComparer.OrdinalIgnoreCase) == true)
            {
                options._values[name] = null;
                continue;
            }
            if (!known.Contains(name, StringComparer.OrdinalIgnoreCase))
                throw new VerbUsageException($"unknown option '{arg}' (expected {string.Join(", ", known.Concat(flags ?? []).Select(k => "--" + k))}).");
            if (i + 1 >= args.Count) throw new VerbUsageException($"option '{arg}' needs a value.");
            options._values[name] = args[++i];
        }
        return options;
    }

    public string? Value(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => _values.ContainsKey(name);

    public string Required(string name) => Value(name) ?? throw new VerbUsageException($"--{name} is required.");
}

/// <summary>Wrong command-line usage; the message says what to fix.</summary>
public sealed class VerbUsageException(string message) : Exception(message);
