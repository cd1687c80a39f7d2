using Newtonsoft.Json.Linq;
using SpApi.Cli.Smoke;
using SpApi.Cli.Tests.Support;
using SpApi.Runtime;
using SpApi.Runtime.Json;
using SpApi.Sandbox.Cases;

namespace SpApi.Cli.Tests.Smoke;

public class CaseVerdictTests
{
    private static SandboxCase Case(string modelFile, string operationId, int index) =>
        SmokeModels.Cases.FindOperation(modelFile, operationId)!.Cases.Single(c => c.Index == index);

    private static T Typed<T>(SandboxCase c) => c.ResponseBody!.ToObject<T>(Newtonsoft.Json.JsonSerializer.Create(SpApiJson.CreateSettings()))!;

    [Test]
    public void A_typed_result_holding_every_expected_value_passes()
    {
        var c = Case("sellers.json", "getMarketplaceParticipations", 1);
        var notes = new List<string>();
        Assert.That(CaseVerdict.Success(c, true, Typed<SpApi.Sellers.V1.GetMarketplaceParticipationsResponse>(c), 200, notes), Is.Null);
        Assert.That(notes, Is.Empty);
    }

    [Test]
    public void A_lost_or_changed_value_fails_naming_its_path()
    {
        var c = Case("sellers.json", "getMarketplaceParticipations", 1);
        var result = Typed<SpApi.Sellers.V1.GetMarketplaceParticipationsResponse>(c);
        result.Payload.First().StoreName = "Changed";
        Assert.That(CaseVerdict.Success(c, true, result, 200, []), Does.StartWith("response $.payload[0].storeName: expected"));
    }

    [Test]
    public void A_wrong_status_fails()
    {
        var c = Case("sellers.json", "getMarketplaceParticipations", 1);
        Assert.That(CaseVerdict.Success(c, true, Typed<SpApi.Sellers.V1.GetMarketplaceParticipationsResponse>(c), 201, []), Is.EqualTo("expected HTTP 200, got HTTP 201"));
        Assert.That(CaseVerdict.Success(Case("sellers.json", "getAccount", 2), true, null, 200, []), Does.StartWith("expected HTTP 400, but the typed call succeeded"));
    }

    [Test]
    public void An_enum_value_the_model_does_not_list_is_accepted_with_a_note()
    {
        var c = Case("awd_2024-05-09.json", "getInboundShipment", 1);
        var notes = new List<string>();
        Assert.That(CaseVerdict.Success(c, true, Typed<SpApi.Awd.V2024_05_09.InboundShipment>(c), 200, notes), Is.Null);
        Assert.That(notes, Has.Some.Contains("\"CASE\" is not a member of the model's enum InventoryUnitOfMeasurement"));
    }

    [Test]
    public void An_error_passes_with_the_expected_status_and_errors_and_fails_otherwise()
    {
        var c = Case("ordersV0.json", "getOrder", 3);
        var body = c.ResponseBody!.ToString();
        Assert.That(CaseVerdict.Error(c, new SpApiException("x", 400, body, null, null)), Is.Null);
        Assert.That(CaseVerdict.Error(c, new SpApiException("x", 500, body, null, null)), Does.StartWith("expected HTTP 400, got HTTP 500"));
        var other = new JObject { ["errors"] = new JArray(new JObject { ["code"] = "InvalidInput", ["message"] = "Other" }) };
        Assert.That(CaseVerdict.Error(c, new SpApiException("x", 400, other.ToString(), null, null)), Does.StartWith("errors $[0].message: expected \"Invalid Input\""));
    }
}
