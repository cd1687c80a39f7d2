using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Newtonsoft.Json.Linq;
using SpApi.Generator.Generation;
using SpApi.Generator.Models;

namespace SpApi.Generator.Tests.Generation;

/// <summary>
/// Models are input, not trusted code: whatever a model says ends up in generated C# only as a literal, a comment or
/// a validated identifier, or the model is refused naming the file and the JSON path. "Harmless" is checked on the
/// generated syntax tree: it parses without errors and the payload marker is never an identifier (code).
/// </summary>
public class HostileModelTests
{
    private const string Marker = "PWNED_MARKER";
    private const string File = "hostileV0.json";
    private string _dir = null!;

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "spapi-hostile-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private static readonly string[] Breakouts =
    [
        $"\"); {Marker}(); //",
        $"\"; {Marker}(); var x = \"",
        $"\\\"); {Marker}(); //",
        $"*/ {Marker}(); /*",
        $"</summary> {Marker}(); <summary>",
        $"line\n{Marker}();",
        $"line\r{Marker}();",
        $"line\u2028{Marker}();",
        $"line\u2029{Marker}();",
        $"line\u0085{Marker}();",
        $"'); {Marker}(); //",
        $"{{{{ {Marker} }}}} {{% {Marker} %}}",
    ];

    [Test]
    public async Task A_quote_in_a_path_template_is_refused_naming_the_file_and_json_path()
    {
        var model = Model();
        var paths = (JObject)model["paths"]!;
        var op = paths["/hostile/v0/items/{itemId}"]!;
        paths.Remove("/hostile/v0/items/{itemId}");
        paths[$"/hostile/v0/items/{{itemId}}\"); {Marker}(); //"] = op;

        var e = Assert.ThrowsAsync<GeneratorException>(() => GenerateAsync(model));
        Assert.That(e!.Message, Does.Contain(File).And.Contain("paths").And.Contain("path template"));
    }

    [TestCaseSource(nameof(Breakouts))]
    public async Task Breakouts_in_descriptions_summaries_and_titles_stay_documentation(string payload)
    {
        var model = Model();
        foreach (var token in model.SelectTokens("$..description").Concat(model.SelectTokens("$..summary")).Concat(model.SelectTokens("$..title")).ToList())
            if (token is JValue { Type: JTokenType.String } v)
                v.Value = "Text " + payload + " end.";
        await AssertHarmlessAsync(model);
    }

    [TestCaseSource(nameof(Breakouts))]
    public async Task Breakouts_in_enum_default_and_example_values_stay_literals_or_are_refused(string payload)
    {
        var model = Model();
        var status = (JObject)model.SelectToken("definitions.Item.properties.status")!;
        status["enum"] = new JArray("OK", payload);
        status["default"] = payload;
        status["example"] = payload;
        var query = (JObject)model.SelectToken("paths['/hostile/v0/items/{itemId}'].get.parameters[1]")!;
        query["default"] = payload;
        await AssertHarmlessOrRefusedAsync(model);
    }

    [TestCaseSource(nameof(Breakouts))]
    public async Task Breakouts_in_patterns_stay_literals_or_are_refused(string payload)
    {
        var model = Model();
        ((JObject)model.SelectToken("definitions.Item.properties.name")!)["pattern"] = "^" + payload + "$";
        await AssertHarmlessOrRefusedAsync(model);
    }

    [TestCase("operationId", "getItem\"); PWNED_MARKER(); //")]
    [TestCase("operationId", "get\u00C4rger")]
    [TestCase("parameter", "q\"); PWNED_MARKER(); //")]
    [TestCase("parameter", "q\nPWNED_MARKER")]
    [TestCase("property", "name\"); PWNED_MARKER(); //")]
    [TestCase("property", "na\u00EFve")]
    [TestCase("definition", "Item\"); PWNED_MARKER(); //")]
    [TestCase("definition", "\u00C4rger")]
    [TestCase("consumes", "application/json\"); PWNED_MARKER(); //")]
    [TestCase("produces", "application/json\nPWNED_MARKER")]
    [TestCase("ref", "#/definitions/Item\"); PWNED_MARKER(); //")]
    [TestCase("enumName", "Ok\"); PWNED_MARKER(); //")]
    public async Task Names_that_would_need_escaping_are_refused_naming_the_file_and_json_path(string where, string value)
    {
        var model = Model();
        var jsonPath = Put(model, where, value);
        var e = Assert.ThrowsAsync<GeneratorException>(() => GenerateAsync(model));
        Assert.That(e!.Message, Does.Contain(File).And.Contain(jsonPath), e.Message);
        Assert.That(e.Message, Does.Not.Contain("\n" + Marker), "the refusal quotes the value escaped");
    }

    [TestCase("operationId")]
    [TestCase("parameter")]
    [TestCase("property")]
    [TestCase("definition")]
    public async Task Very_long_names_are_refused(string where)
    {
        var model = Model();
        var jsonPath = Put(model, where, "a" + new string('b', 600));
        var e = Assert.ThrowsAsync<GeneratorException>(() => GenerateAsync(model));
        Assert.That(e!.Message, Does.Contain(File).And.Contain(jsonPath).And.Contain("128"));
    }

    // Found by spapi bench faults: NSwag pasted these into code as they were (a status code into `if (status_ == 200)`,
    // a string default of an integer or boolean after `=`) or its reader threw an unhandled exception.
    [TestCase("paths['/hostile/v0/items/{itemId}'].get.responses", """{ "200\"); PWNED_MARKER(); //": { "description": "x" } }""", "responses")]
    [TestCase("definitions.Item.properties.count", """{ "type": "integer", "default": "1); PWNED_MARKER(); //" }""", "count.default")]
    [TestCase("definitions.Item.properties.count", """{ "type": "integer", "enum": [1, "2); PWNED_MARKER(); //"] }""", "count.enum[1]")]
    [TestCase("definitions.Item.properties.count", """{ "type": "boolean", "default": "true); PWNED_MARKER(); //" }""", "count.default")]
    [TestCase("definitions.Item.properties.count", """{ "type": "integer", "maximum": "5); PWNED_MARKER(); //" }""", "count.maximum")]
    [TestCase("definitions.Item.properties.count", """{ "type": "string", "maxLength": "5" }""", "count.maxLength")]
    [TestCase("definitions.Item.properties.count", """{ "type": "string\"); PWNED_MARKER(); //" }""", "count.type")]
    [TestCase("definitions.Item.properties.count", """{ "type": "array", "items": { "type": "string" }, "collectionFormat": "x" }""", "count.collectionFormat")]
    [TestCase("definitions.Item.properties.count", """{ "type": "string", "description": "a\u0000PWNED_MARKER();" }""", "count.description")]
    [TestCase("definitions.Item.properties.count", """{ "type": "string", "enum": ["A", "B"], "default": "C\"); PWNED_MARKER(); //" }""", "count.default")]
    [TestCase("definitions.Item.discriminator", """ "kind\"); PWNED_MARKER(); //" """, "Item.discriminator")]
    public async Task Values_read_as_numbers_booleans_or_fixed_names_and_control_characters_are_refused(string at, string json, string jsonPath)
    {
        var model = Model();
        var parent = (JObject)model.SelectToken(at[..at.LastIndexOf('.')])!;
        parent[at[(at.LastIndexOf('.') + 1)..]] = JToken.Parse(json);

        var e = Assert.ThrowsAsync<GeneratorException>(() => GenerateAsync(model));
        Assert.That(e!.Message, Does.Contain(File).And.Contain(jsonPath), e.Message);
    }

    [TestCase("class")]
    [TestCase("namespace")]
    [TestCase("return")]
    [TestCase("event")]
    public async Task CSharp_keywords_as_names_generate_valid_code(string keyword)
    {
        var model = Model();
        Put(model, "operationId", keyword);
        Put(model, "parameter", keyword);
        Put(model, "property", keyword);
        Put(model, "definition", keyword);
        await AssertHarmlessAsync(model);
    }

    [Test]
    public async Task The_plain_model_generates_harmlessly() => await AssertHarmlessAsync(Model());

    /// <summary>Puts <paramref name="value"/> as the given kind of name; returns the JSON path the refusal must name.</summary>
    private static string Put(JObject model, string where, string value)
    {
        var get = (JObject)model.SelectToken("paths['/hostile/v0/items/{itemId}'].get")!;
        switch (where)
        {
            case "operationId":
                get["operationId"] = value;
                return "operationId";
            case "parameter":
                ((JObject)get["parameters"]![1]!)["name"] = value;
                return "parameters[1].name";
            case "property":
                var props = (JObject)model.SelectToken("definitions.Item.properties")!;
                props.Add(value, new JObject { ["type"] = "string" });
                return "definitions.Item.properties";
            case "definition":
                ((JObject)model["definitions"]!).Add(value, new JObject { ["type"] = "object", ["properties"] = new JObject { ["a"] = new JObject { ["type"] = "string" } } });
                ((JObject)model.SelectToken("definitions.Item.properties")!)["other"] = new JObject { ["$ref"] = "#/definitions/" + value };
                return "definitions";
            case "consumes":
                model["consumes"] = new JArray(value);
                return "consumes[0]";
            case "produces":
                get["produces"] = new JArray(value);
                return "produces[0]";
            case "ref":
                ((JObject)model.SelectToken("definitions.Item.properties")!)["other"] = new JObject { ["$ref"] = value };
                return "definitions.Item.properties.other.$ref";
            case "enumName":
                ((JObject)model.SelectToken("definitions.Item.properties.status")!)["x-enum-varnames"] = new JArray("Ok", value);
                return "x-enum-varnames[1]";
            default: throw new ArgumentOutOfRangeException(nameof(where));
        }
    }

    private async Task<IReadOnlyList<string>> GenerateAsync(JObject model)
    {
        var models = Path.Combine(_dir, "models");
        Directory.CreateDirectory(models);
        await System.IO.File.WriteAllTextAsync(Path.Combine(models, File), model.ToString());
        var output = Path.Combine(_dir, "out");
        await new ClientGeneration(new GeneratorPaths(RepoPaths.Root)).GenerateAsync(models, [File], output, CancellationToken.None);
        return Directory.GetFiles(output, "*.g.cs").Select(System.IO.File.ReadAllText).ToArray();
    }

    private async Task AssertHarmlessOrRefusedAsync(JObject model)
    {
        IReadOnlyList<string> files;
        try { files = await GenerateAsync(model); }
        catch (GeneratorException e)
        {
            Assert.That(e.Message, Does.Contain(File));
            return;
        }
        AssertHarmless(files);
    }

    private async Task AssertHarmlessAsync(JObject model) => AssertHarmless(await GenerateAsync(model));

    private static void AssertHarmless(IReadOnlyList<string> files)
    {
        Assert.That(files, Is.Not.Empty);
        foreach (var code in files)
        {
            var tree = CSharpSyntaxTree.ParseText(code);
            var errors = tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.That(errors, Is.Empty, () => string.Join("\n", errors.Select(d => d + " near: " + Near(code, d.Location.SourceSpan.Start))));
            // The payload as a word of its own means model text became code (a sanitised name such as ___PWNED_MARKER___ is a harmless identifier).
            var code_ = tree.GetRoot().DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == Marker).ToArray();
            Assert.That(code_, Is.Empty, () => "model text became code: " + string.Join("\n", code_.Select(t => Near(code, t.SpanStart))));
        }
    }

    private static string Near(string code, int at) => code.Substring(Math.Max(0, at - 120), Math.Min(240, code.Length - Math.Max(0, at - 120)));

    /// <summary>The small model of the fault suite's hostile-model scenarios (src/SpApi.Cli/Bench/Faults/Models/HostileModel.json).</summary>
    private static JObject Model() => JObject.Parse(ModelJson);

    private static readonly string ModelJson = System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Generation", "HostileModel.json"));
}
