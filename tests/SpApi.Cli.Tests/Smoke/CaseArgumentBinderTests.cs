using SpApi.Cli.Smoke;
using SpApi.Cli.Tests.Support;
using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Tests.Smoke;

public class CaseArgumentBinderTests
{
    private static SandboxCase Case(string modelFile, string operationId, int index) =>
        SmokeModels.Cases.FindOperation(modelFile, operationId)!.Cases.Single(c => c.Index == index);

    private static BoundCall Bind(SandboxCase c)
    {
        var operation = ClientOperationIndex.Generated.Find(c.ModelFile, c.OperationId)!;
        return CaseArgumentBinder.Bind(c, operation, CancellationToken.None);
    }

    private static object? Argument(SandboxCase c, BoundCall bound, string name)
    {
        var method = ClientOperationIndex.Generated.Find(c.ModelFile, c.OperationId)!.Method;
        return bound.Arguments[Array.FindIndex(method.GetParameters(), p => p.Name == name)];
    }

    [Test]
    public void Parameters_map_to_arguments_by_name_and_type()
    {
        var c = Case("ordersV0.json", "getOrders", 1);
        var bound = Bind(c);
        Assert.That(Argument(c, bound, "marketplaceIds"), Is.EqualTo(new[] { "ATVPDKIKX0DER" }));
        Assert.That(Argument(c, bound, "createdAfter"), Is.EqualTo("TEST_CASE_200"));
        Assert.That(Argument(c, bound, "nextToken"), Is.Null, "optional parameters the case leaves out keep their default");
        Assert.That(bound.Arguments[^1], Is.TypeOf<CancellationToken>());
        Assert.That(bound.Call.ForcedCase, Is.EqualTo(1));
        Assert.That(bound.Call.QueryOverrides, Is.Empty);
        Assert.That(bound.Notes, Is.Empty);
    }

    [Test]
    public void A_required_parameter_the_case_leaves_out_gets_a_neutral_placeholder()
    {
        var c = Case("ordersV0.json", "getOrders", 4);
        Assert.That(c.FindParameter("MarketplaceIds"), Is.Null);
        Assert.That(Argument(c, Bind(c), "marketplaceIds"), Is.Empty, "an empty list puts nothing on the wire");
    }

    [Test]
    public void A_value_the_parameter_type_cannot_hold_goes_raw_on_the_wire_with_a_note()
    {
        var c = Case("awd_2024-05-09.json", "listInboundShipments", 2);
        var bound = Bind(c);
        Assert.That(bound.Call.QueryOverrides["sortBy"].Values, Is.EqualTo(new[] { "TEST" }));
        Assert.That(bound.Notes.Single(), Does.Contain("sortBy: sent 'TEST' raw"));
    }

    [Test]
    public void A_body_the_request_type_holds_is_sent_typed()
    {
        var bound = Bind(Case("ordersV0.json", "updateVerificationStatus", 1));
        Assert.That(bound.Call.RawBody, Is.Null);
        Assert.That(bound.Arguments.OfType<SpApi.Orders.V0.UpdateVerificationStatusRequest>().Single().RegulatedOrderVerificationStatus, Is.Not.Null);
    }

    [Test]
    public void A_body_with_values_the_model_does_not_allow_is_sent_as_the_cases_json_with_a_note()
    {
        var c = Case("sellerWallet_2024-03-01.json", "createTransaction", 1);
        var bound = Bind(c);
        Assert.That(bound.Call.RawBody, Does.Contain("\"PERSON\""));
        Assert.That(bound.Notes, Has.Some.Contains("\"PERSON\" is not a member of the model's enum PayeeEntityType"));
    }
}
