namespace SpApi.Cli.Bench.Faults;

/// <summary>
/// One named probe of the fault suite: it drives the full pipeline against a <see cref="HostileServer"/> and records
/// what went wrong in its <see cref="FaultRun"/>. A scenario survives when it ends without an unexpected exception
/// and without any finding. Add scenarios to a group in <see cref="FaultScenarios"/> (or a new group file listed there).
/// </summary>
internal sealed record FaultScenario(string Name, Func<FaultRun, Task> RunAsync)
{
    public override string ToString() => Name;

    /// <summary>A readable, distinct name part for a hostile value (<c>"../a"</c> becomes <c>dotdot-slash-a</c>).</summary>
    public static string Slug(string value) => value.Length == 0 ? "empty" : string.Join("", value.Select(c => c switch
    {
        _ when char.IsAsciiLetterOrDigit(c) => c.ToString(),
        '.' => "dot", '/' => "-slash-", '\\' => "-bslash-", '?' => "-q-", '#' => "-hash-", '&' => "-amp-", '=' => "-eq-",
        '%' => "-pct-", ' ' => "-sp-", '-' => "minus", '\r' => "-cr-", '\n' => "-lf-", '|' => "-bar-",
        _ => $"-u{(int)c:x}-",
    })).Replace("--", "-").Trim('-');
}

/// <summary>The findings of one scenario, by report field.</summary>
internal sealed class FaultFindings
{
    public int TokenLeaks;
    public int WrongOperation;
    public int DuplicatedWrites;
    public int UntypedErrors;
    public int InjectedModels;

    /// <summary>The scenario tested nothing (its note says why).</summary>
    public bool Skipped;
    public readonly List<string> Notes = [];

    public int Total => TokenLeaks + WrongOperation + DuplicatedWrites + UntypedErrors + InjectedModels;
}
