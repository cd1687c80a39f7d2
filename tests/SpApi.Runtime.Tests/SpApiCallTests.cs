using SpApi.Runtime;

namespace SpApi.Runtime.Tests;

public class SpApiCallTests
{
    private sealed class Probe : SpApiClientBase
    {
        public static void Prepare(HttpRequestMessage r, OperationMetadata op) => PrepareSpApiRequest(r, op);
    }

    private static readonly OperationMetadata GetOrder = new("ordersV0.json", "Orders", "V0", "getOrder", "GET",
        "/orders/v0/orders/{orderId}", new UsagePlan(0.5, 30), true, null);

    [Test]
    public void Ambient_options_are_stamped_with_the_operation_and_removed_after_the_scope()
    {
        using (SpApiCall.With(new SpApiCallOptions { Seller = "s1", DataElements = ["buyerInfo"], RestrictedDataToken = "Atz.rdt" }))
        {
            using var request = new HttpRequestMessage();
            Probe.Prepare(request, GetOrder);
            Assert.That(request.GetOperation(), Is.SameAs(GetOrder));
            Assert.That(request.GetSeller(), Is.EqualTo("s1"));
            Assert.That(request.Options.TryGetValue(SpApiRequestOptions.DataElements, out var elements) ? elements : null, Is.EqualTo(new[] { "buyerInfo" }));
        }

        using var after = new HttpRequestMessage();
        Probe.Prepare(after, GetOrder);
        Assert.That(after.GetSeller(), Is.Null);
        Assert.That(after.Options.TryGetValue(SpApiRequestOptions.RestrictedDataToken, out _), Is.False);
    }

    [Test]
    public void Options_ToString_hides_the_token()
    {
        var text = new SpApiCallOptions { RestrictedDataToken = "Atz.secret-rdt" }.ToString();
        Assert.That(text, Does.Not.Contain("secret-rdt"));
    }

    [Test]
    public void Metadata_key_namespace_and_idempotency()
    {
        Assert.That(GetOrder.Key, Is.EqualTo("ordersV0.json#getOrder"));
        Assert.That(GetOrder.Namespace, Is.EqualTo("SpApi.Orders.V0"));
        Assert.That(GetOrder.IsIdempotent, Is.True);
        Assert.That((GetOrder with { Method = "POST" }).IsIdempotent, Is.False);
    }
}
