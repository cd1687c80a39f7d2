using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth;
using SpApi.Auth.Restricted;
using SpApi.Clients;

namespace SpApi.Auth.Tests.Startup;

/// <summary>
/// Start-up does no reflection over the generated clients and parses no embedded JSON: what it needs is emitted by
/// the generator as code (client registrations, the restricted-operations table).
/// </summary>
public class StartupPathTests
{
    // Reflection that finds or creates types at run time, and embedded resources; none belongs in the shipped auth assembly.
    private static readonly string[] Forbidden =
    [
        "System.Reflection.MethodInfo::MakeGenericMethod",
        "System.Type::MakeGenericType",
        "System.Activator::CreateInstance",
        "System.Reflection.Assembly::GetManifestResourceStream",
        "System.Reflection.Assembly::GetManifestResourceNames",
        "System.Reflection.Assembly::GetTypes",
        "System.Reflection.Assembly::GetExportedTypes",
        "System.Type::GetConstructor",
        "System.Type::GetConstructors",
        "System.Type::GetMethod",
        "System.Type::GetMethods",
    ];

    [Test]
    public void AuthAssembly_CallsNoRuntimeTypeDiscovery()
    {
        var calls = IlCalls.Of(typeof(SellingPartnerClient).Assembly)
            // System.Text.Json's source generator emits attribute-provider lookups in its context; they run only when a
            // user-supplied restricted-operations file is read, never at start-up.
            .Where(c => !typeof(System.Text.Json.Serialization.JsonSerializerContext).IsAssignableFrom(Outermost(c.Caller.DeclaringType!)))
            .ToArray();
        var offending = calls.Where(c => Forbidden.Contains(c.Callee)).Select(c => $"{c.Caller.DeclaringType!.FullName}::{c.Caller.Name} calls {c.Callee}");
        Assert.That(offending, Is.Empty);
        // The walk itself works: ordinary calls are seen.
        Assert.That(calls.Select(c => c.Callee), Does.Contain("System.ArgumentNullException::ThrowIfNull"));
    }

    [Test]
    public void AuthAssembly_EmbedsNoJson()
    {
        var resources = typeof(SellingPartnerClient).Assembly.GetManifestResourceNames();
        Assert.That(resources.Where(r => r.EndsWith(".json", StringComparison.OrdinalIgnoreCase)), Is.Empty);
    }

    [Test]
    public void DefaultRestrictedTable_IsTheShippedFile()
    {
        var file = RestrictedOperationTable.Load(Path.Combine(RepoRoot(), "src", "SpApi.Auth", "Restricted", "restricted-operations.json"));
        Assert.That(RestrictedOperationTable.Default.Operations.Select(o => o.ToString()).Order(),
            Is.EqualTo(file.Operations.Select(o => o.ToString()).Order()));
        Assert.That(file.Operations, Is.Not.Empty);
    }

    [Test]
    public void DefaultGrantlessTable_IsEveryGrantlessOperationOfTheMetadata()
    {
        var fromMetadata = SpApiOperationCatalog.Instance.All.Where(o => o.GrantlessScope is not null)
            .ToDictionary(o => $"{o.ModelFile}#{o.OperationId}", o => o.GrantlessScope!);
        Assert.That(SpApi.Auth.Grantless.GrantlessOperationTable.Default.Scopes, Is.EquivalentTo(fromMetadata));
        Assert.That(fromMetadata, Is.Not.Empty);
    }

    [Test]
    public void GeneratedCatalog_HoldsEveryGeneratedClient_AndCreatesEach()
    {
        var catalog = SpApiClientCatalog.Generated();
        Assert.That(catalog.Clients, Is.EquivalentTo(GeneratedClients.All));
        Assert.That(catalog.Clients, Has.Count.EqualTo(GeneratedClientRegistrations.Count));
        using var http = new HttpClient();
        Func<HttpClient> notYet = () => throw new AssertionException("a generated client asked for its HttpClient before its first call");
        foreach (var (iface, impl) in catalog.Clients)
        {
            Assert.That(catalog.Create(iface, http), Is.InstanceOf(impl));
            Assert.That(catalog.CreateDeferred(iface, notYet), Is.InstanceOf(impl));
            Assert.That(catalog.ImplementationOf(impl), Is.EqualTo(impl));
        }
    }

    [Test]
    public void CatalogWith_AClientWithoutADeferredFactory_TakesItsHttpClientAtOnce()
    {
        var catalog = SpApiClientCatalog.Empty.With<Support.IFakeOrdersClient, Support.FakeOrdersClient>(http => new Support.FakeOrdersClient(http));
        using var http = new HttpClient();
        var asked = 0;

        var client = (Support.FakeOrdersClient)catalog.CreateDeferred(typeof(Support.IFakeOrdersClient), () => { asked++; return http; });

        Assert.That(asked, Is.EqualTo(1));
        Assert.That(client.Http, Is.SameAs(http));
    }

    [Test]
    public void GeneratedCatalog_FindsAClientByInterfaceOrImplementation_ThenStillListsEveryClientInOrder()
    {
        var catalog = SpApiClientCatalog.Generated();
        using var http = new HttpClient();

        Assert.That(catalog.Create(typeof(SpApi.Sellers.V1.ISellersClient), http), Is.InstanceOf<SpApi.Sellers.V1.SellersClient>());
        Assert.That(catalog.ImplementationOf(typeof(SpApi.Orders.V0.OrdersClient)), Is.EqualTo(typeof(SpApi.Orders.V0.OrdersClient)));
        Assert.Throws<ArgumentException>(() => catalog.ImplementationOf(typeof(HttpClient)));

        Assert.That(catalog.Clients, Is.EqualTo(SpApiClientCatalog.Generated().Clients), "the same clients in the same order as a catalog never looked up");
        Assert.That(catalog.Clients, Has.Count.EqualTo(GeneratedClientRegistrations.Count));
        Assert.That(catalog.ImplementationOf(typeof(SpApi.Sellers.V1.ISellersClient)), Is.EqualTo(typeof(SpApi.Sellers.V1.SellersClient)));
    }

    [Test]
    public void AddSellingPartnerApi_RegistersEveryGeneratedClientAsATypedClient()
    {
        var services = new ServiceCollection();
        services.AddSellingPartnerApi(o => { o.ClientId = "id"; o.ClientSecret = "secret"; o.RefreshToken = "Atzr|r"; });
        using var provider = services.BuildServiceProvider();
        foreach (var (iface, impl) in GeneratedClients.All)
            Assert.That(provider.GetRequiredService(iface), Is.InstanceOf(impl), iface.FullName);
    }

    [Test]
    public void CatalogWith_AddsAClientWithoutTouchingTheOriginal()
    {
        var catalog = SpApiClientCatalog.Empty.With<Support.IFakeOrdersClient, Support.FakeOrdersClient>(http => new Support.FakeOrdersClient(http));
        Assert.That(catalog.Clients, Has.Count.EqualTo(1));
        Assert.That(SpApiClientCatalog.Empty.Clients, Is.Empty);
        Assert.Throws<ArgumentException>(() => SpApiClientCatalog.Empty.ImplementationOf(typeof(Support.IFakeOrdersClient)));
    }

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SpApi.Generated.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found above the test directory");
    }
}
