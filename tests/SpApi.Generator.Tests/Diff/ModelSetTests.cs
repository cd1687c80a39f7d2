using Newtonsoft.Json.Linq;
using SpApi.Generator.Diff;

namespace SpApi.Generator.Tests.Diff;

public class ModelSetTests
{
    private string _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("spapi-modelset-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void A_snapshot_folder_gives_paths_relative_to_models_and_the_upstream_commit()
    {
        Write("UPSTREAM_COMMIT", "abc123\n");
        Write("models/orders-api-model/ordersTest.json", DiffFixture.Json);

        var set = ModelSet.Load(_dir);

        Assert.That(set.Commit, Is.EqualTo("abc123"));
        Assert.That(set.Files.Keys, Is.EqualTo(new[] { "orders-api-model/ordersTest.json" }));
        Assert.That(set.Files["orders-api-model/ordersTest.json"].Operations.Select(o => o.Key), Is.EquivalentTo(new[] { "getOrder", "createOrder" }));
    }

    [Test]
    public void A_models_folder_reads_the_commit_beside_it_and_skips_json_that_is_not_a_model()
    {
        Write("UPSTREAM_COMMIT", "def456");
        Write("models/a/ordersTest.json", DiffFixture.Json);
        Write("models/models.lock.json", """{ "repository": "x", "files": [] }""");

        var set = ModelSet.Load(Path.Combine(_dir, "models"));

        Assert.That(set.Commit, Is.EqualTo("def456"));
        Assert.That(set.Files.Keys, Is.EqualTo(new[] { "a/ordersTest.json" }));
    }

    [Test]
    public void A_missing_folder_is_a_clear_error()
    {
        var missing = Path.Combine(_dir, "nope");
        var error = Assert.Throws<ModelDiffException>(() => ModelSet.Load(missing));
        Assert.That(error!.Message, Does.Contain(missing).And.Contain("does not exist"));
    }

    [Test]
    public void A_folder_without_models_is_a_clear_error()
    {
        var error = Assert.Throws<ModelDiffException>(() => ModelSet.Load(_dir));
        Assert.That(error!.Message, Does.Contain("No Swagger model files"));
    }

    [Test]
    public void Invalid_json_names_the_file_and_line()
    {
        Write("models/broken/bad.json", "{\n  \"swagger\": \"2.0\",\n  \"paths\": {\n}");

        var error = Assert.Throws<ModelDiffException>(() => ModelSet.Load(_dir));
        Assert.That(error!.Message, Does.StartWith("broken/bad.json: not valid JSON (line"));
    }

    [Test]
    public void OpenApi_3_documents_are_rejected_by_name()
    {
        var error = Assert.Throws<ModelDiffException>(() => ModelSet.FromJson(null, [KeyValuePair.Create("x/v3.json", """{ "openapi": "3.0.1", "paths": {} }""")]));
        Assert.That(error!.Message, Does.Contain("x/v3.json").And.Contain("only Swagger 2.0").And.Contain("openapi 3.0.1"));
    }

    [Test]
    public void A_reference_to_a_missing_definition_names_the_file_and_the_definition()
    {
        var before = DiffFixture.Model();
        before.Properties("Order")["Total"] = new JObject { ["$ref"] = "#/definitions/Money" };
        var after = (JObject)before.DeepClone();
        after.Properties("Order")["Note"] = new JObject { ["type"] = "string" };

        var error = Assert.Throws<ModelDiffException>(() => DiffFixture.Compare(before, after));
        Assert.That(error!.Message, Is.EqualTo($"{DiffFixture.File}: $ref to '#/definitions/Money', which is not defined in the file."));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
