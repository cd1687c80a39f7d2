using System.Reflection;
using Newtonsoft.Json.Linq;
using SpApi.Clients;

namespace SpApi.Clients.Tests;

/// <summary>Every operation of the pinned models has exactly one generated method, with its metadata.</summary>
public class CoverageTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpApi.Generated.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    private static string Pascal(string id) => char.ToUpperInvariant(id[0]) + id[1..];

    [Test]
    public void Every_model_operation_maps_to_one_generated_method_with_metadata()
    {
        var modelsDir = Path.Combine(RepoRoot(), "models");
        var lockFile = JObject.Parse(File.ReadAllText(Path.Combine(modelsDir, "models.lock.json")));
        var files = lockFile["files"]!.Select(f => f.Value<string>("path")!).ToArray();
        Assert.That(files, Has.Length.EqualTo(66));

        var catalog = SpApiOperationCatalog.Instance;
        var seen = 0;
        foreach (var rel in files)
        {
            var model = JObject.Parse(File.ReadAllText(Path.Combine(modelsDir, rel)));
            var fileName = Path.GetFileName(rel);
            foreach (var (path, item) in (JObject)model["paths"]!)
                foreach (var method in new[] { "get", "put", "post", "delete", "patch" })
                {
                    if (item![method] is not JObject op) continue;
                    seen++;
                    var meta = catalog.All.Where(o => o.ModelFile == fileName && o.PathTemplate == path && o.Method == method.ToUpperInvariant()).ToArray();
                    Assert.That(meta, Has.Length.EqualTo(1), $"{fileName} {method} {path}");
                    var m = meta[0];
                    Assert.That(m.OperationId, Does.StartWith(op.Value<string>("operationId")));
                    var client = GeneratedClients.All.Single(c => c.Implementation.Namespace == m.Namespace);
                    var methods = client.Implementation.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                        .Where(x => x.Name == Pascal(m.OperationId) + "Async").ToArray();
                    Assert.That(methods, Has.Length.EqualTo(1), $"{m.Key}: one generated method");
                    Assert.That(methods[0].GetParameters().Last().ParameterType, Is.EqualTo(typeof(CancellationToken)));
                    Assert.That(client.Interface.GetMethod(methods[0].Name), Is.Not.Null);
                }
        }
        Assert.That(seen, Is.EqualTo(370));
        Assert.That(catalog.All, Has.Count.EqualTo(370));
    }

    [Test]
    public void Clients_take_an_injected_HttpClient_and_have_no_baked_in_base_url()
    {
        Assert.That(GeneratedClients.All, Has.Count.EqualTo(66));
        foreach (var (iface, impl) in GeneratedClients.All)
        {
            Assert.That(iface.IsAssignableFrom(impl), impl.FullName);
            Assert.That(impl.GetConstructor([typeof(HttpClient)]), Is.Not.Null, impl.FullName);
            Assert.That(impl.BaseType, Is.EqualTo(typeof(SpApi.Runtime.SpApiClientBase)));
            Assert.That(impl.GetProperty("BaseUrl"), Is.Null);
        }
    }
}
