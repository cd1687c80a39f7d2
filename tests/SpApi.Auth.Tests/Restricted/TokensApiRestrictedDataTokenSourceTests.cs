using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using SpApi.Auth.Restricted;
using SpApi.Auth.Tests.Support;
using SpApi.Orders.V0;

namespace SpApi.Auth.Tests.Restricted;

/// <summary>RDTs through the generated Tokens client and the generated Orders client, end to end over the pipeline.</summary>
public class TokensApiRestrictedDataTokenSourceTests
{
    private static AuthTestHost Host(Action<SellingPartnerOptions>? configure = null)
    {
        var host = AuthTestHost.Create(o => { o.HasRestrictedRoles = true; configure?.Invoke(o); }, generatedClients: true);
        var issued = 0;
        host.SpApi.Responder = sent => sent.OperationKey switch
        {
            "tokens_2021-03-01.json#createRestrictedDataToken" => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent($"{{\"restrictedDataToken\":\"Atz.sprdt|rdt-{Interlocked.Increment(ref issued)}\",\"expiresIn\":3600}}"),
            },
            "ordersV0.json#getOrder" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"payload\":{\"AmazonOrderId\":\"111-1\"}}") },
            _ => null,
        };
        return host;
    }

    [Test]
    public void TheRealSource_IsRegistered()
    {
        using var host = Host();
        Assert.That(host.Services.GetRequiredService<IRestrictedDataTokenSource>(), Is.InstanceOf<TokensApiRestrictedDataTokenSource>());
    }

    [Test]
    public async Task GeneratedGetOrder_ObtainsAnRdtWithTheLwaToken_ThenSendsTheRdt()
    {
        using var host = Host();
        var orders = host.Services.GetRequiredService<IOrdersClient>();

        var first = await orders.GetOrderAsync("111-1");
        await orders.GetOrderAsync("222-2");

        Assert.That(first.Payload.AmazonOrderId, Is.EqualTo("111-1"));
        var sent = host.SpApi.Sent.ToArray();
        Assert.That(sent.Select(s => s.OperationKey), Is.EqualTo(new[] { "tokens_2021-03-01.json#createRestrictedDataToken", "ordersV0.json#getOrder", "ordersV0.json#getOrder" }));
        Assert.That(sent[0].Token, Is.EqualTo($"access-{AuthTestHost.RefreshToken}-1"), "the Tokens call is authorized with LWA, not an RDT");
        Assert.That(sent[0].Uri.AbsoluteUri, Is.EqualTo("https://sellingpartnerapi-na.amazon.com/tokens/2021-03-01/restrictedDataToken"));
        Assert.That(sent.Skip(1).Select(s => s.Token), Is.All.EqualTo("Atz.sprdt|rdt-1"), "one generic-path RDT serves both orders");

        var body = JObject.Parse(sent[0].Body!);
        var resource = (JObject)body["restrictedResources"]![0]!;
        Assert.That(resource["method"]!.Value<string>(), Is.EqualTo("GET"));
        Assert.That(resource["path"]!.Value<string>(), Is.EqualTo("/orders/v0/orders/{orderId}"));
        Assert.That(resource["dataElements"]!.Values<string>(), Is.EqualTo(new[] { "buyerInfo", "shippingAddress" }));
        Assert.That(body["targetApplication"], Is.Null);
    }

    [Test]
    public async Task DelegatedRdt_SendsTheTargetApplication_AndNoCallerOptionsLeakIntoTheTokensCall()
    {
        using var host = Host();
        var orders = host.Services.GetRequiredService<IOrdersClient>();

        using (RestrictedData.Delegate("amzn1.sellerapps.app.delegatee", "shippingAddress"))
            await orders.GetOrderAsync("111-1");

        var tokensCall = host.SpApi.Sent.First();
        var body = JObject.Parse(tokensCall.Body!);
        Assert.That(body["targetApplication"]!.Value<string>(), Is.EqualTo("amzn1.sellerapps.app.delegatee"));
        Assert.That(body["restrictedResources"]![0]!["dataElements"]!.Values<string>(), Is.EqualTo(new[] { "shippingAddress" }));
        Assert.That(tokensCall.Token, Does.StartWith("access-"));
    }

    [Test]
    public void TokensApiError_SurfacesAsSpApiException()
    {
        using var host = Host();
        host.SpApi.Responder = sent => sent.OperationKey == "tokens_2021-03-01.json#createRestrictedDataToken"
            ? FakeSpApi.Errors(HttpStatusCode.BadRequest, "InvalidInput", "Application does not have access to one or more requested data elements: [buyerInfo]")
            : null;

        SpApi.Runtime.SpApiException? e;
        using (RestrictedData.Request("buyerInfo"))
            e = Assert.CatchAsync<SpApi.Runtime.SpApiException>(() => host.Services.GetRequiredService<IOrdersClient>().GetOrderAsync("1"));

        Assert.That(e!.ErrorCode, Is.EqualTo("InvalidInput"));
        Assert.That(e, Is.InstanceOf<RestrictedDataAccessDeniedException>(), "a call that asked for PII is told which role is missing");
        Assert.That(host.SpApi.Sent.Select(s => s.OperationKey), Has.No.Member("ordersV0.json#getOrder"));
    }

    [Test]
    public async Task GeneratedGetOrder_FallsBackToTheLwaToken_WhenTheTokensApiRefusesTheAutomaticRdt()
    {
        using var host = Host();
        var answer = host.SpApi.Responder;
        host.SpApi.Responder = sent => sent.OperationKey == "tokens_2021-03-01.json#createRestrictedDataToken"
            ? FakeSpApi.Errors(HttpStatusCode.BadRequest, "InvalidInput", "Application does not have access to one or more requested data elements: [buyerInfo, shippingAddress]")
            : answer!(sent);

        var order = await host.Services.GetRequiredService<IOrdersClient>().GetOrderAsync("111-1");

        Assert.That(order.Payload.AmazonOrderId, Is.EqualTo("111-1"));
        var sent = host.SpApi.Sent.ToArray();
        Assert.That(sent.Select(s => s.OperationKey), Is.EqualTo(new[] { "tokens_2021-03-01.json#createRestrictedDataToken", "ordersV0.json#getOrder" }));
        Assert.That(sent[1].Token, Does.StartWith("access-"), "getOrder went out with the LWA token");
    }
}
