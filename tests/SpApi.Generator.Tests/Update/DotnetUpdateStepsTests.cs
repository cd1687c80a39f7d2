using SpApi.Generator.Update;

namespace SpApi.Generator.Tests.Update;

public class DotnetUpdateStepsTests
{
    private string _repo = null!;

    [SetUp]
    public void SetUp() => _repo = Directory.CreateTempSubdirectory("spapi-smoke-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_repo, recursive: true);

    [Test]
    public void Without_a_smoke_command_the_smoke_step_is_skipped()
    {
        Command("OperationsCommand.cs", """public string Name => "operations";""");
        Command("../obj/Release/Stale.cs", """public string Name => "smoke";""");

        Assert.That(DotnetUpdateSteps.SmokeVerb(_repo), Is.Null);
    }

    [TestCase("""public string Name => "smoke";""", "smoke")]
    [TestCase("""public string Name => "sandbox smoke";""", "sandbox smoke")]
    [TestCase("""public string Name { get; } = "smoke";""", "smoke")]
    public void The_smoke_command_is_found_by_its_declared_verb(string declaration, string verb)
    {
        Command("OperationsCommand.cs", """public string Name => "operations";""");
        Command("SmokeCommand.cs", declaration);

        Assert.That(DotnetUpdateSteps.SmokeVerb(_repo), Is.EqualTo(verb));
    }

    private void Command(string file, string body)
    {
        var path = Path.GetFullPath(Path.Combine(_repo, "src", "SpApi.Cli", "Commands", file));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"namespace SpApi.Cli.Commands;\npublic sealed class C : ICliCommand\n{{\n    {body}\n}}\n");
    }
}
