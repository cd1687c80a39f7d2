using SpApi.Generator;
using System.Diagnostics;
using SpApi.Generator.Generation;
using SpApi.Generator.Models;

namespace SpApi.Generator.Tests.Generation;

public class GenerationTests
{
    private static async Task<(GenerationResult Result, string OutDir)> GenerateAsync(string snapshot)
    {
        var outDir = Path.Combine(Path.GetTempPath(), "spapi-gen-" + Guid.NewGuid().ToString("N"));
        var source = ModelSource.FromFolder(snapshot);
        var result = await new ClientGeneration(new GeneratorPaths(RepoPaths.Root))
            .GenerateAsync(source.ModelsDir, source.ListModelFiles(), outDir, CancellationToken.None);
        return (result, outDir);
    }

    [Test]
    public void Settings_that_drop_the_deferred_HttpClient_constructor_are_refused_naming_the_model()
    {
        // SellingPartnerClient.Get creates clients through that constructor; without it the registrations would not compile.
        var root = Path.Combine(Path.GetTempPath(), "spapi-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            var restricted = Path.Combine(root, "src", "SpApi.Auth", "Restricted");
            Directory.CreateDirectory(restricted);
            File.Copy(Path.Combine(RepoPaths.Root, "src", "SpApi.Auth", "Restricted", "restricted-operations.json"), Path.Combine(restricted, "restricted-operations.json"));
            File.WriteAllText(Path.Combine(root, "nswag.json"), File.ReadAllText(Path.Combine(RepoPaths.Root, "nswag.json"))
                .Replace("\"injectHttpClient\": true", "\"injectHttpClient\": false", StringComparison.Ordinal));
            var models = Path.Combine(RepoPaths.Pinned, "models");

            var error = Assert.ThrowsAsync<GeneratorException>(() => new ClientGeneration(new GeneratorPaths(root))
                .GenerateAsync(models, [Path.Combine("sellers-api-model", "sellers.json")], Path.Combine(root, "out"), CancellationToken.None));

            Assert.That(error!.Message, Does.Contain("sellers.json").And.Contain("injectHttpClient"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task Pinned_models_generate_every_operation_once_with_metadata()
    {
        var (result, outDir) = await GenerateAsync(RepoPaths.Pinned);
        try
        {
            Assert.That(result.Models, Has.Count.EqualTo(66));
            var ops = result.Operations.ToArray();
            Assert.That(ops, Has.Length.EqualTo(370));
            Assert.That(ops.Select(o => o.Key).Distinct().Count(), Is.EqualTo(370), "operation ids are unique per model after pre-processing");
            Assert.That(ops.Count(o => o.UsagePlan is not null), Is.EqualTo(300));
            Assert.That(result.Models.Select(m => m.Name.Namespace).Distinct().Count(), Is.EqualTo(66));
            Assert.That(ops.Single(o => o.Key == "ordersV0.json#getOrders").UsagePlan!.Burst, Is.EqualTo(20));
            Assert.That(ops.Where(o => o.Restricted).Select(o => o.Key), Does.Contain("reports_2021-06-30.json#getReportDocument"));
            Assert.That(ops.Single(o => o.Key == "notifications.json#getDestinations").GrantlessScope, Is.EqualTo("sellingpartnerapi::notifications"));
            // Client + metadata per model, the catalog, the client registrations, the restricted and grantless tables, and a
            // paging file per model with paginated operations (33).
            Assert.That(Directory.GetFiles(outDir, "*.g.cs"), Has.Length.EqualTo(66 * 2 + 4 + 33));
            Assert.That(File.Exists(Path.Combine(outDir, "SpApi.Clients.Registrations.g.cs")) && File.Exists(Path.Combine(outDir, "SpApi.Clients.RestrictedOperations.g.cs"))
                && File.Exists(Path.Combine(outDir, "SpApi.Clients.GrantlessOperations.g.cs")));
            Assert.That(ops.Single(o => o.Key == "ordersV0.json#getOrders").Pagination, Is.EqualTo(new SpApi.Runtime.PaginationInfo("NextToken", "payload.NextToken")));
            var code = await File.ReadAllTextAsync(Path.Combine(outDir, "SpApi.Orders.V0.g.cs"));
            Assert.That(code, Does.Contain("namespace SpApi.Orders.V0"));
            Assert.That(code, Does.Contain("PrepareSpApiRequest(request_, SpApiOperations.Get(\"getOrders\"))"));
            Assert.That(code, Does.Not.Contain("class Anonymous"));

            // Nothing changed: a second run writes nothing (keeps the incremental compile).
            var again = await new ClientGeneration(new GeneratorPaths(RepoPaths.Root))
                .GenerateAsync(ModelSource.FromFolder(RepoPaths.Pinned).ModelsDir, ModelSource.FromFolder(RepoPaths.Pinned).ListModelFiles(), outDir, CancellationToken.None);
            Assert.That(again.FilesWritten, Is.Zero);
        }
        finally { Directory.Delete(outDir, true); }
    }

    [Test, Category("Slow")]
    public async Task The_older_snapshot_generates_and_compiles_unchanged()
    {
        var (result, outDir) = await GenerateAsync(RepoPaths.Older);
        try
        {
            Assert.That(result.Models, Has.Count.EqualTo(Directory.GetFiles(Path.Combine(RepoPaths.Older, "models"), "*.json", SearchOption.AllDirectories).Length));
            var runtime = Path.Combine(RepoPaths.Root, "src", "SpApi.Runtime", "SpApi.Runtime.csproj");
            await File.WriteAllTextAsync(Path.Combine(outDir, "Compile.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>disable</Nullable><ImplicitUsings>enable</ImplicitUsings>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally><NoWarn>CS0618;CS0612;CS8669</NoWarn></PropertyGroup>
                  <ItemGroup><ProjectReference Include="{runtime}" /><PackageReference Include="Newtonsoft.Json" Version="13.0.4" /></ItemGroup>
                </Project>
                """);
            // A Directory.Build.props of its own so the repository's settings do not leak into the temp folder's parents.
            await File.WriteAllTextAsync(Path.Combine(outDir, "Directory.Build.props"), "<Project />");
            await File.WriteAllTextAsync(Path.Combine(outDir, "Directory.Packages.props"), "<Project />");
            var psi = new ProcessStartInfo("dotnet", ["build", Path.Combine(outDir, "Compile.csproj"), "-c", "Release", "-v", "q", "-nologo"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi)!;
            var output = await p.StandardOutput.ReadToEndAsync() + await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.That(p.ExitCode, Is.Zero, output);
        }
        finally { Directory.Delete(outDir, true); }
    }
}
