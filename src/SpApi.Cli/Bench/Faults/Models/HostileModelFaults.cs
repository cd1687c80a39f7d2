namespace SpApi.Cli.Bench.Faults.Models;

/// <summary>
/// Model poisoning: a hostile value in one place of a small model (names, paths, ids, descriptions, enum values,
/// defaults, patterns, the file name), run through the real generator in its own process next to a benign twin (the
/// same model with a harmless value there). The model must be refused with an <c>error SPAPI001</c> line naming the
/// file and the JSON path, or generate C# that <see cref="InjectedCodeCheck"/> finds harmless; anything else counts in
/// <c>injectedModels</c> (code) or <c>untypedErrors</c> (a refusal that does not say where). Without the generator
/// the scenarios are skipped, saying so.
/// </summary>
internal static class HostileModelFaults
{
    private const string M = InjectedCodeCheck.Marker;

    /// <summary>Breakouts of every C# context model text can land in: string, verbatim and char literals, interpolations, comments, doc comments, Liquid, lines.</summary>
    private static readonly (string Name, string Value)[] Breakouts =
    [
        ("quote", $"\"); {M}(); //"),
        ("backslash-quote", $"\\\"); {M}(); //"),
        ("verbatim-quote", $"\"\"); {M}(); //"),
        ("single-quote", $"'); {M}(); //"),
        ("comment-close", $"*/ {M}(); /*"),
        ("summary-close", $"</summary> {M}(); <summary>"),
        ("braces", $"}} {M}(); {{"),
        ("interpolation", $"{{{M}()}}"),
        ("liquid", $"{{{{ {M} }}}} {{% {M} %}}"),
        ("lf", $"x\n{M}();"),
        ("cr", $"x\r{M}();"),
        ("u2028", $"x\u2028{M}();"),
        ("u2029", $"x\u2029{M}();"),
        ("u0085", $"x\u0085{M}();"),
        ("nul", $"x\0{M}();"),
        ("directive", $"x\n#error {M}\n#if false"),
    ];

    private static readonly string LongText = string.Concat(Enumerable.Repeat(
        string.Concat(Breakouts.Where(b => b.Name != "nul").Select(b => b.Value)), 1 + 100_000 / Breakouts.Sum(b => b.Value.Length)));

    private static readonly string[] AllBreakouts = Breakouts.Select(b => b.Name).ToArray();

    /// <summary>Which values each place gets: breakouts by name, plus keyword, unicode and long names where names go.</summary>
    private static readonly (string Place, string[] Values)[] Plan =
    [
        ("path", ["quote", "backslash-quote", "braces", "interpolation", "lf", "u2028", "long"]),
        ("operationId", ["quote", "keyword-class", "keyword-return", "unicode", "bidi", "long"]),
        ("parameter", ["quote", "keyword-event", "lf", "unicode", "long"]),
        ("header", ["quote", "lf"]),
        ("property", ["quote", "keyword-namespace", "unicode", "long"]),
        ("definition", ["quote", "lf", "keyword-class", "unicode", "long"]),
        ("enum-name", ["quote", "keyword-default"]),
        ("ref", ["quote"]),
        ("media-type", ["quote", "lf"]),
        ("status-code", ["quote"]),
        ("tag", ["quote", "lf"]),
        ("security-scope", ["quote"]),
        ("discriminator", ["quote", "lf"]),
        ("discriminator-property", ["quote", "keyword-class"]),
        ("response-header", ["quote", "lf"]),
        ("model-file", ["file-quote", "lf"]),
        ("docs", [.. AllBreakouts, "long"]),
        ("enum-value", ["quote", "backslash-quote", "verbatim-quote", "braces", "u2028"]),
        ("default", ["quote", "backslash-quote", "verbatim-quote", "interpolation"]),
        ("enum-default", ["quote", "verbatim-quote", "lf"]),
        ("ref-enum-default", ["quote"]),
        ("date-default", ["quote", "lf"]),
        ("parameter-enum", ["quote", "backslash-quote", "lf"]),
        ("integer-default", ["quote"]),
        ("integer-enum", ["quote"]),
        ("boolean-default", ["quote"]),
        ("maximum", ["quote"]),
        ("max-length", ["quote"]),
        ("type", ["quote"]),
        ("collection-format", ["quote"]),
        ("example", ["quote", "lf"]),
        ("pattern", ["quote", "backslash-quote", "verbatim-quote"]),
        ("format", ["quote"]),
        ("info-version", ["quote", "lf"]),
        ("base-path", ["quote"]),
    ];

    public static IReadOnlyList<FaultScenario> All { get; } =
        Plan.SelectMany(p => p.Values.Select(v => Scenario(Place(p.Place), v))).ToArray();

    private static ModelPlace Place(string name) => HostileModel.Names.Concat(HostileModel.Texts).Single(p => p.Name == name);

    private static FaultScenario Scenario(ModelPlace place, string valueName)
    {
        var value = Value(place, valueName);
        return new FaultScenario($"model-{place.Name}-{valueName}", run => RunAsync(run, place, value));
    }

    private static string Value(ModelPlace place, string name) => name switch
    {
        _ when name.StartsWith("keyword-", StringComparison.Ordinal) => name["keyword-".Length..],
        "unicode" => place.Name == "definition" ? "\u00C4rger" : "na\u00EFve\u0421",
        "bidi" => "get\u202EmetI",
        // 600 characters of a name; for text, 100,000 characters of every breakout but NUL (refused anywhere).
        "long" when HostileModel.Texts.Contains(place) => LongText,
        "long" => place.Name == "path" ? "/" + new string('a', 600) : "a" + new string('b', 600),
        // A file name cannot hold '/'.
        "file-quote" => $"\"); {M}(); ",
        _ => Breakouts.Single(b => b.Name == name).Value,
    };

    private static async Task RunAsync(FaultRun run, ModelPlace place, string value)
    {
        var generator = GeneratorLocation.Find(run.GeneratorPath, out var why);
        if (generator is null)
        {
            run.Skip("generator not found: " + why);
            return;
        }
        var hostile = HostileModel.Build(place, value, twin: false);
        var twin = HostileModel.Build(place, place.Benign, twin: true);
        var outcome = await GeneratorRun.RunAsync(generator, new Dictionary<string, string> { [hostile.File] = hostile.Json, [twin.File] = twin.Json }, run.CancellationToken);
        Judge(run, outcome, Path.GetFileName(hostile.File), place.JsonPath);
    }

    /// <summary>Counts what the generator made of the hostile model <paramref name="file"/>: a refusal must name it and <paramref name="jsonPath"/>; generated code must be harmless.</summary>
    public static void Judge(FaultRun run, GeneratorOutcome outcome, string file, string jsonPath)
    {
        if (outcome.Refusal is { } refusal)
        {
            run.Note("refused: " + First(refusal));
            CheckRefusal(run, refusal, file, jsonPath);
            return;
        }
        if (outcome.ExitCode != 0)
            throw new InvalidOperationException($"the generator failed (exit {outcome.ExitCode}) without a refusal: {First(outcome.Error + outcome.Output)}");
        var findings = InjectedCodeCheck.Find(outcome.Files, HostileModel.TwinNamespace);
        if (findings.Count == 0)
        {
            run.Note($"generated {outcome.Files.Count} files, harmless");
            return;
        }
        run.Findings.InjectedModels++;
        foreach (var finding in findings.Take(5)) run.Note(finding);
    }

    /// <summary>A refusal must name the model file and where in it (and print the value escaped: no raw line break).</summary>
    private static void CheckRefusal(FaultRun run, string refusal, string file, string jsonPath)
    {
        var names = refusal.Contains(file, StringComparison.Ordinal) || refusal.Contains(Printable(file), StringComparison.Ordinal);
        if (!names || !jsonPath.Split('|').Any(p => refusal.Contains(p, StringComparison.Ordinal)))
        {
            run.Findings.UntypedErrors++;
            run.Note($"refused without naming {Printable(file)} and '{jsonPath}': {First(refusal)}");
        }
        if (refusal.Contains('\n' + M, StringComparison.Ordinal) || refusal.Contains('\r' + M, StringComparison.Ordinal))
        {
            run.Findings.UntypedErrors++;
            run.Note("the refusal prints the model's line break raw");
        }
    }

    /// <summary>The text with everything outside printable ASCII as \uXXXX (as the generator quotes values).</summary>
    private static string Printable(string s) =>
        string.Concat(s.Select(c => c is >= ' ' and <= '~' and not '\\' ? c.ToString() : c == '\\' ? @"\\" : $"\\u{(int)c:X4}"));

    private static string First(string s)
    {
        s = Printable(s.Trim());
        return s.Length <= 300 ? s : s[..300] + "…";
    }
}
