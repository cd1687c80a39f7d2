using Microsoft.Extensions.DependencyInjection;
using SpApi.Auth.Restricted;
using SpApi.Auth.Telemetry;
using SpApi.Auth.Tests.Support;
using SpApi.Auth.Tests.Telemetry;
using SpApi.Runtime;

namespace SpApi.Auth.Tests.Handlers;

/// <summary>What happens when the Tokens API refuses an RDT for lack of restricted roles.</summary>
public class RestrictedRoleFallbackTests
{
    private static AuthTestHost RefusingHost(Action<SellingPartnerOptions>? configure = null)
    {
        var host = AuthTestHost.Create(o => { o.HasRestrictedRoles = true; configure?.Invoke(o); });
        host.Rdt.RefuseForLackOfRoles = true;
        return host;
    }

    [Test]
    public async Task A_refused_automatic_rdt_falls_back_to_the_lwa_token_and_is_remembered_logged_once_and_counted()
    {
        using var host = RefusingHost(o => o.RestrictedRoleRefusalMemory = TimeSpan.FromMinutes(20));
        using var telemetry = new TelemetryRecorder(host.Services.GetService<SpApiMetrics>() ?? SpApiMetrics.Shared);

        await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");
        await host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1");
        await host.Orders.SendAsync(Ops.GetOrderItems, "/orders/v0/orders/1/orderItems");

        Assert.That(host.Rdt.Count, Is.EqualTo(1), "after the refusal, no further RDT is asked for this seller");
        Assert.That(host.SpApi.Sent.Select(s => s.Token), Is.All.StartWith("access-"), "every call went out with the LWA token");
        var warnings = host.Logs.Lines.Where(l => l.Contains("refused an automatic restricted data token")).ToArray();
        Assert.That(warnings, Has.Length.EqualTo(1));
        Assert.That(warnings[0], Does.StartWith("Warning").And.Contain("ordersV0.json#getOrders"));
        var fallbacks = telemetry.Of(SpApiTelemetry.RdtFallbacksInstrument);
        Assert.That(fallbacks.Select(m => m.Tags[SpApiTelemetry.Tags.FallbackReason]), Is.EqualTo(new[] { "refused", "remembered", "remembered" }));
        Assert.That(fallbacks.Select(m => m.Tags[SpApiTelemetry.Tags.Operation]), Is.EqualTo(new[] { Ops.GetOrders.Key, Ops.GetOrder.Key, Ops.GetOrderItems.Key }));

        host.Time.Advance(TimeSpan.FromMinutes(20));
        await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");
        Assert.That(host.Rdt.Count, Is.EqualTo(2), "the refusal is forgotten after the period");
        Assert.That(host.Logs.Lines.Count(l => l.Contains("refused an automatic restricted data token")), Is.EqualTo(2));
    }

    [Test]
    public async Task The_refusal_is_remembered_per_seller()
    {
        using var host = RefusingHost(o => o.Sellers["b"] = new SellerOptions { RefreshToken = "Atzr|b" });
        await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");
        await host.Factory.For("b").Get<IFakeOrdersClient>().SendAsync(Ops.GetOrders, "/orders/v0/orders");
        Assert.That(host.Rdt.Calls.Select(c => c.Seller), Is.EqualTo(new[] { "default", "b" }));
    }

    [Test]
    public void A_call_that_asked_for_pii_gets_a_typed_exception_naming_the_operation_and_the_role()
    {
        using var host = RefusingHost();
        RestrictedDataAccessDeniedException e;
        using (RestrictedData.Request("shippingAddress"))
            e = Assert.ThrowsAsync<RestrictedDataAccessDeniedException>(() => host.Orders.SendAsync(Ops.GetOrder, "/orders/v0/orders/1"))!;

        Assert.That(e.Operation, Is.EqualTo("ordersV0.json#getOrder"));
        Assert.That(e.MissingRoles, Is.EqualTo(new[] { "Direct-to-Consumer Delivery (Restricted)" }));
        Assert.That(e.DataElements, Is.EqualTo(new[] { "shippingAddress" }));
        Assert.That(e.Message, Does.Contain("ordersV0.json#getOrder").And.Contain("Direct-to-Consumer Delivery (Restricted)")
            .And.Contain("Application does not have access").And.Contain("req-refusal-1"));
        Assert.That(e.StatusCode, Is.EqualTo(400));
        Assert.That(e.RequestId, Is.EqualTo("req-refusal-1"));
        Assert.That(e, Is.InstanceOf<SpApiException>(), "callers catching SpApiException still catch it");
        Assert.That(host.SpApi.Sent, Is.Empty, "nothing is sent without the personal data the call asked for");
    }

    [Test]
    public void A_pii_only_operation_gets_the_typed_exception_even_without_roles_declared()
    {
        using var host = AuthTestHost.Create();
        host.Rdt.RefuseForLackOfRoles = true;
        var e = Assert.ThrowsAsync<RestrictedDataAccessDeniedException>(() => host.Orders.SendAsync(Ops.GetOrderAddress, "/orders/v0/orders/1/address"))!;
        Assert.That(e.Operation, Is.EqualTo("ordersV0.json#getOrderAddress"));
        Assert.That(e.Message, Does.Contain("Direct-to-Consumer Delivery (Restricted)"));
    }

    [Test]
    public async Task Without_declared_roles_no_rdt_is_asked_for_operations_amazon_also_serves_to_lwa()
    {
        using var host = AuthTestHost.Create();
        host.Rdt.RefuseForLackOfRoles = true;
        await host.Orders.SendAsync(Ops.GetOrders, "/orders/v0/orders");
        Assert.That(host.Rdt.Count, Is.Zero);
        Assert.That(host.Logs.AllText(), Does.Not.Contain("refused"));
    }

    [Test]
    public void The_refusal_memory_must_be_positive()
    {
        var e = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() =>
        {
            using var host = AuthTestHost.Create(o => o.RestrictedRoleRefusalMemory = TimeSpan.Zero);
            _ = host.Orders;
        });
        Assert.That(e!.Message, Does.Contain("RestrictedRoleRefusalMemory"));
    }
}
