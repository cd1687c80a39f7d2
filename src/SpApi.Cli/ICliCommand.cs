namespace SpApi.Cli;

/// <summary>One verb of the <c>spapi</c> command. Implementations need a public parameterless constructor.</summary>
public interface ICliCommand
{
    /// <summary>The verb, possibly several words: <c>operations</c>, <c>sandbox serve</c>, <c>bench ratelimit</c>.</summary>
    string Name { get; }

    /// <summary>One line for <c>spapi --help</c>.</summary>
    string Summary { get; }

    /// <summary>Options, shown by <c>spapi VERB --help</c> and on usage errors.</summary>
    string Usage { get; }

    Task<int> RunAsync(CliContext context, CancellationToken cancellationToken);
}

/// <summary>A verb other commands start (e.g. benchmark worker processes): runnable, but not listed by <c>spapi --help</c>.</summary>
public interface IHiddenCliCommand : ICliCommand;

/// <summary>What a command gets: its parsed options and where to write.</summary>
public sealed record CliContext(CliArgs Args, TextWriter Out, TextWriter Error);

/// <summary>A bad option or value: printed with the command's usage, exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
