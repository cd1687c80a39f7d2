using System.Reflection;

namespace SpApi.Cli;

/// <summary>
/// Entry point of <c>spapi</c>. Verbs are the <see cref="ICliCommand"/> classes of this assembly
/// (one file each under Commands/), found by reflection so adding a verb touches no shared file.
/// </summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;
        var commands = DiscoverCommands();
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintHelp(commands, stdout);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        // Longest verb match first: "sandbox serve" before "sandbox".
        var match = commands
            .Select(c => (Command: c, Words: c.Name.Split(' ')))
            .Where(x => x.Words.Length <= args.Length && x.Words.SequenceEqual(args.Take(x.Words.Length), StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(x => x.Words.Length)
            .FirstOrDefault();
        if (match.Command is null)
        {
            var typed = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')));
            stderr.WriteLine($"spapi: unknown command '{typed}'.{SuggestVerb(commands, args)} Run 'spapi --help'.");
            return ExitCodes.Usage;
        }

        var rest = args.Skip(match.Words.Length).ToArray();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            stdout.WriteLine($"spapi {match.Command.Name} - {match.Command.Summary}");
            stdout.WriteLine();
            stdout.WriteLine(match.Command.Usage);
            return ExitCodes.Ok;
        }

        using var cts = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            var parsed = CliArgs.Parse(rest);
            return await match.Command.RunAsync(new CliContext(parsed, stdout, stderr), cts.Token);
        }
        catch (CliUsageException e)
        {
            stderr.WriteLine($"spapi {match.Command.Name}: {e.Message}");
            stderr.WriteLine(match.Command.Usage);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            stderr.WriteLine("spapi: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("SPAPI_DEBUG") is null)
        {
            // Users get the message, not a stack trace (set SPAPI_DEBUG=1 for the trace).
            stderr.WriteLine($"spapi {match.Command.Name}: {e.GetType().Name}: {e.Message}");
            return ExitCodes.Failed;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    // Compares each verb with as many typed words as it has ('sandbox serv' -> 'sandbox serve', 'smok' -> 'smoke').
    private static string SuggestVerb(IReadOnlyList<ICliCommand> commands, string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        var close = commands
            .Where(c => DidYouMean.Closest(string.Join(' ', words.Take(c.Name.Split(' ').Length)), [c.Name]).Count > 0)
            .Select(c => $"'spapi {c.Name}'").Take(3).ToArray();
        return close.Length == 0 ? "" : $" Did you mean {string.Join(" or ", close)}?";
    }

    internal static IReadOnlyList<ICliCommand> DiscoverCommands() =>
        typeof(CliApp).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();

    private static void PrintHelp(IReadOnlyList<ICliCommand> commands, TextWriter stdout)
    {
        var version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        stdout.WriteLine($"spapi {version} - Selling Partner API client tools");
        stdout.WriteLine();
        stdout.WriteLine("Usage: spapi <command> [options]   (spapi <command> --help for a command's options)");
        stdout.WriteLine();
        var width = commands.Count == 0 ? 0 : commands.Max(c => c.Name.Length);
        foreach (var c in commands.Where(c => c is not IHiddenCliCommand))
            stdout.WriteLine($"  {c.Name.PadRight(width)}  {c.Summary}");
    }
}

/// <summary>Process exit codes of <c>spapi</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command ran and found failures (e.g. smoke cases failed, a goal was missed).</summary>
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
}
