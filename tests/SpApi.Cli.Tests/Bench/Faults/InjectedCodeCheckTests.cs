using SpApi.Cli.Bench.Faults;
using SpApi.Cli.Bench.Faults.Models;

namespace SpApi.Cli.Tests.Bench.Faults;

/// <summary>
/// The injection check on hand-written "generated" files: model text in literals, comments, doc comments and declared
/// names is harmless; the same text as a call, a directive, an extra member or a file name is counted.
/// </summary>
public class InjectedCodeCheckTests
{
    private const string M = InjectedCodeCheck.Marker;

    /// <summary>A client file of namespace <paramref name="ns"/> whose path literal, comment, doc comment and one name carry <paramref name="text"/>.</summary>
    private static string Client(string ns, string text, string name = "GetItem", string extra = "") => $$"""
        namespace {{ns}}
        {
            /// <summary>Gets an item: {{text}}</summary>
            public partial class HostileClient
            {
                // GET /items/{{text}}
                public System.Threading.Tasks.Task {{name}}Async(string itemId)
                {
                    var path = "items/" + itemId + @"{{text.Replace("\"", "\"\"")}}";
                    var c = '\'';
                    return Send(path, $"x{itemId}y");
                }
                private System.Threading.Tasks.Task Send(string path, string text) => System.Threading.Tasks.Task.CompletedTask;
                {{extra}}
            }
        }
        """;

    private static Dictionary<string, string> Files(string hostile, string twin) => new()
    {
        ["SpApi.Hostile.V0.g.cs"] = hostile,
        ["SpApi.Benign.V0.g.cs"] = twin,
        ["SpApi.Clients.Catalog.g.cs"] = "namespace SpApi.Clients { internal static class Catalog { public static readonly string[] All = [\"SpApi.Hostile.V0\"]; } }",
    };

    [Test]
    public void Model_text_in_literals_comments_doc_comments_and_declared_names_is_harmless()
    {
        var hostile = Client("SpApi.Hostile.V0", $"\"); {M}(); // */ </summary>", name: "Get" + M + "Item");

        var findings = InjectedCodeCheck.Find(Files(hostile, Client("SpApi.Benign.V0", "benign")), "SpApi.Benign.V0");

        Assert.That(findings, Is.Empty);
    }

    [Test]
    public void A_call_that_escaped_its_literal_is_code()
    {
        var injected = Client("SpApi.Hostile.V0", "x").Replace("var c = '\\'';", $"var c = '\\''; {M}();");

        var findings = InjectedCodeCheck.Find(Files(injected, Client("SpApi.Benign.V0", "benign")), "SpApi.Benign.V0");

        Assert.That(findings, Has.Some.Contains("model text became code").And.Some.Contains("differs in shape"));
    }

    [Test]
    public void An_injected_member_that_declares_its_own_name_differs_in_shape_from_the_benign_model()
    {
        var injected = Client("SpApi.Hostile.V0", "x", extra: $"public static int {M} = System.Environment.ExitCode = 3;");

        var findings = InjectedCodeCheck.Find(Files(injected, Client("SpApi.Benign.V0", "benign")), "SpApi.Benign.V0");

        Assert.That(findings, Has.One.Contains("differs in shape").And.Contains("FieldDeclaration"));
    }

    [Test]
    public void A_line_break_out_of_a_comment_into_a_directive_or_broken_code_is_found()
    {
        var directive = Client("SpApi.Hostile.V0", "x").Replace("// GET /items/x", $"// GET /items/x\n#error {M}");
        var broken = Client("SpApi.Hostile.V0", "x").Replace("\"items/\"", $"\"items/\"); {M}(");

        Assert.That(InjectedCodeCheck.Find(Files(directive, Client("SpApi.Benign.V0", "x")), "SpApi.Benign.V0"),
            Has.Some.Contains("ErrorDirectiveTrivia").Or.Some.Contains("PreprocessingMessageTrivia"));
        Assert.That(InjectedCodeCheck.Find(Files(broken, Client("SpApi.Benign.V0", "x")), "SpApi.Benign.V0"), Has.Some.Contains("does not parse"));
    }

    [Test]
    public void Files_named_by_the_model_are_found()
    {
        var files = Files(Client("SpApi.Hostile.V0", "x"), Client("SpApi.Benign.V0", "x"));
        files["../../evil.g.cs"] = "class A { }";

        Assert.That(InjectedCodeCheck.Find(files, "SpApi.Benign.V0"), Has.Some.Contains("chose generated file names"));
    }

    [Test]
    public async Task A_deliberately_injected_generator_output_counts_one_injected_model_and_fails_the_run()
    {
        var injected = Client("SpApi.Hostile.V0", "x").Replace("var c = '\\'';", $"var c = '\\''; {M}();");
        var harmless = Client("SpApi.Hostile.V0", $"\"); {M}(); //");
        FaultScenario[] scenarios =
        [
            new("injected", run =>
            {
                HostileModelFaults.Judge(run, new GeneratorOutcome(0, "", "", Files(injected, Client("SpApi.Benign.V0", "x"))), "hostileV0.json", "paths");
                return Task.CompletedTask;
            }),
            new("harmless", run =>
            {
                HostileModelFaults.Judge(run, new GeneratorOutcome(0, "", "", Files(harmless, Client("SpApi.Benign.V0", "x"))), "hostileV0.json", "paths");
                return Task.CompletedTask;
            }),
            new("refused-naming-the-path", run =>
            {
                HostileModelFaults.Judge(run, new GeneratorOutcome(1, "", "error SPAPI001: hostileV0.json: paths['/a\"']: path template must be ...", new Dictionary<string, string>()), "hostileV0.json", "paths");
                return Task.CompletedTask;
            }),
            new("refused-vaguely", run =>
            {
                HostileModelFaults.Judge(run, new GeneratorOutcome(1, "", "error SPAPI001: something failed", new Dictionary<string, string>()), "hostileV0.json", "paths");
                return Task.CompletedTask;
            }),
        ];

        var (report, results) = await FaultSuite.RunAsync(scenarios, CancellationToken.None);

        Assert.That(report.InjectedModels, Is.EqualTo(1));
        Assert.That(report.UntypedErrors, Is.EqualTo(1), "a refusal that does not name the file and JSON path");
        Assert.That(results.Where(r => r.Survived).Select(r => r.Name), Is.EquivalentTo(new[] { "harmless", "refused-naming-the-path" }));
        Assert.That(report.Failed, Is.True);
    }
}
