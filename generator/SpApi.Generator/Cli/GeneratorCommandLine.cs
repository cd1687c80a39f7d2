namespace SpApi.Generator.Cli;

public static class GeneratorCommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("not yet");
        return Task.FromResult(2);
    }
}
