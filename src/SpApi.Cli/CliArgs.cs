using System.Globalization;

namespace SpApi.Cli;

/// <summary>Parsed <c>--name value</c> options, <c>--flag</c> switches and positional arguments.</summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _read = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Positional { get; private init; } = [];

    public static CliArgs Parse(IReadOnlyList<string> args)
    {
        var result = new CliArgs();
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal)) { positional.Add(a); continue; }
            var name = a[2..];
            string? value = null;
            var eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
            result._options[name] = value;
        }
        return new CliArgs { Positional = positional }.With(result._options);
    }

    private CliArgs With(Dictionary<string, string?> options)
    {
        foreach (var (k, v) in options) _options[k] = v;
        return this;
    }

    public bool Flag(string name) { _read.Add(name); return _options.ContainsKey(name); }

    public string? String(string name)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out var v)) return null;
        return v ?? throw new CliUsageException($"--{name} needs a value.");
    }

    public string String(string name, string fallback) => String(name) ?? fallback;

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        var s = String(name);
        if (s is null) return fallback;
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new CliUsageException($"--{name} must be a whole number from {min} to {max}, not '{s}'.");
        return v;
    }

    public double Double(string name, double fallback, double min = double.MinValue, double max = double.MaxValue)
    {
        var s = String(name);
        if (s is null) return fallback;
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new CliUsageException($"--{name} must be a number from {min} to {max}, not '{s}'.");
        return v;
    }

    /// <summary>Fails on options the command never asked about (typos).</summary>
    public void ThrowOnUnknown()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).ToArray();
        if (unknown.Length == 0) return;
        var hints = string.Concat(unknown.Select(u => DidYouMean.Hint(u, _read, "--")).Where(h => h.Length > 0).Distinct());
        throw new CliUsageException($"unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.{hints}");
    }
}
