namespace SpApi.Generator.Cli;

public static class GeneratorCommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        // modeldiff branch: model diff verb (lead: keep this case when wiring the dispatcher).
        if (args.Length > 0 && args[0] == "diff") return SpApi.Generator.Diff.DiffCommand.RunAsync(args[1..], CancellationToken.None);
        Console.Error.WriteLine("not yet");
        return Task.FromResult(2);
    }
}
