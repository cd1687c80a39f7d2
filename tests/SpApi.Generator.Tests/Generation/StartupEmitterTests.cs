using SpApi.Generator;
using SpApi.Generator.Generation;
using SpApi.Generator.Models;

namespace SpApi.Generator.Tests.Generation;

public class StartupEmitterTests
{
    [Test]
    public void Registrations_CallTheRegistrarOncePerClient_WithAFactory()
    {
        var code = StartupEmitter.EmitRegistrations([new ApiName("Orders", "V0"), new ApiName("Sellers", "V1")]);

        Assert.That(code, Does.Contain("registrar.Add<global::SpApi.Orders.V0.IOrdersClient, global::SpApi.Orders.V0.OrdersClient>(static http => new global::SpApi.Orders.V0.OrdersClient(http), static source => new global::SpApi.Orders.V0.OrdersClient(source));"));
        Assert.That(code, Does.Contain("public const int Count = 2;"));
        Assert.That(code, Does.Not.Contain("typeof("), "no reflection handles");
        Assert.That(code, Does.Contain("""
                            case "SpApi.Sellers.V1.ISellersClient":
                            case "SpApi.Sellers.V1.SellersClient":
                                AddSellersV1(registrar);
                                return true;
            """.ReplaceLineEndings()), "one client is registered by its interface's or implementation's name");
        Assert.That(code, Does.Contain("""
                    [global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
                    private static void AddSellersV1(global::SpApi.Runtime.IGeneratedClientRegistrar registrar) =>
                        registrar.Add<global::SpApi.Sellers.V1.ISellersClient, global::SpApi.Sellers.V1.SellersClient>(static http => new global::SpApi.Sellers.V1.SellersClient(http), static source => new global::SpApi.Sellers.V1.SellersClient(source));
            """.ReplaceLineEndings()), "each client in a method of its own");
        var addOne = code[code.IndexOf("public static bool AddOne", StringComparison.Ordinal)..];
        addOne = addOne[..addOne.IndexOf("private static void", StringComparison.Ordinal)];
        Assert.That(addOne, Does.Not.Contain("global::SpApi.Sellers").And.Not.Contain("global::SpApi.Orders"),
            "the lookup names no client type: precompiled code would load every type it names before it runs");
        var addTo = code[code.IndexOf("public static void AddTo", StringComparison.Ordinal)..];
        Assert.That(addTo[..addTo.IndexOf('}')], Does.Contain("AddOrdersV0(registrar);").And.Contain("AddSellersV1(registrar);"));
    }

    [Test]
    public void RestrictedTable_EmitsEveryColumnAsEscapedLiterals()
    {
        var code = EmitRestricted("""
            { "operations": [ { "operation": "a.json#op\"); System.Environment.Exit(1); //", "path": "generic", "dataElements": ["x", "y"], "newColumn": true } ],
              "dataElementRoles": { "buyerInfo": ["Role \u2028 one"] } }
            """);

        Assert.That(code, Does.Contain("""["operation"] = new string[] { "a.json#op\"); System.Environment.Exit(1); //" }"""));
        Assert.That(code, Does.Contain("""["dataElements"] = new string[] { "x", "y" }"""));
        Assert.That(code, Does.Contain("""["newColumn"] = new string[] { "true" }"""), "a new column reaches the runtime without touching the emitter");
        Assert.That(code, Does.Contain("""["buyerInfo"] = new string[] { "Role \u2028 one" }"""));
        Assert.That(code, Does.Not.Contain("\u2028"), "a line separator would end a C# line");
    }

    [Test]
    public void RestrictedTable_ListsEachRowsKeyOnce_AsTheRuntimeKeysIt()
    {
        var code = EmitRestricted("""
            { "operations": [ { "operation": "models/ordersV0.json#getOrders", "path": "generic" },
                              { "operation": "ordersV0.json#getOrders", "path": "generic" },
                              { "operation": "shipping.json#getShipment", "path": "generic" } ] }
            """);

        var lists = code[code.IndexOf("public static bool Lists", StringComparison.Ordinal)..];
        lists = lists[..lists.IndexOf("};", StringComparison.Ordinal)];
        Assert.That(lists, Does.Contain("\"ordersV0.json#getOrders\" => true,"), "folders are dropped, as OperationKey.Of does");
        Assert.That(lists, Does.Not.Contain("models/"));
        Assert.That(lists.Split("\"ordersV0.json#getOrders\"").Length - 1, Is.EqualTo(1), "a duplicate key would not compile in a switch");
        Assert.That(lists, Does.Contain("\"shipping.json#getShipment\" => true,").And.Contain("_ => false,"));
    }

    [Test]
    public void GrantlessTable_ListsOnlyGrantlessOperations_KeyedByModelFileAndOperationId()
    {
        static SpApi.Runtime.OperationMetadata Op(string file, string id, string? scope) =>
            new(file, "Notifications", "V1", id, "GET", "/x", null, false, scope, false, null, null);
        var code = StartupEmitter.EmitGrantlessOperations(
        [
            Op("notifications.json", "getDestinations", "sellingpartnerapi::notifications"),
            Op("notifications.json", "getSubscription", null),
            Op("models/applicationManagement.json", "rotateApplicationClientSecret", "sellingpartnerapi::client_credential:rotation"),
        ]);

        Assert.That(code, Does.Contain("""new("notifications.json#getDestinations", "sellingpartnerapi::notifications"),"""));
        Assert.That(code, Does.Contain("""new("applicationManagement.json#rotateApplicationClientSecret", "sellingpartnerapi::client_credential:rotation"),"""));
        Assert.That(code, Does.Not.Contain("getSubscription"));
    }

    [Test]
    public void RestrictedTable_RefusesRowsThatAreNotObjects()
    {
        var e = Assert.Throws<GeneratorException>(() => EmitRestricted("""{ "operations": [ "ordersV0.json#getOrders" ] }"""));
        Assert.That(e!.Message, Does.Contain("operations[0]"));
    }

    // The emitter reads the restricted-operations table from a file, as the build gives it.
    private static string EmitRestricted(string json)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, json);
            return StartupEmitter.EmitRestrictedOperations(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
