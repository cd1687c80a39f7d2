namespace SpApi.Runtime.Tests;

public class OperationMetadataTests
{
    private static OperationMetadata GetOrders() =>
        new("ordersV0.json", "Orders", "V0", "getOrders", "GET", "/orders/v0/orders", new UsagePlan(0.0167, 20), false, null);

    [Test]
    public void Key_is_model_file_and_operation_and_built_once()
    {
        var op = GetOrders();

        Assert.That(op.Key, Is.EqualTo("ordersV0.json#getOrders"));
        Assert.That(op.Key, Is.SameAs(op.Key));
    }

    [Test]
    public void A_with_copy_has_its_own_key_and_equality_is_unchanged()
    {
        var op = GetOrders();
        _ = op.Key;

        var other = op with { OperationId = "getOrder" };

        Assert.That(other.Key, Is.EqualTo("ordersV0.json#getOrder"));
        Assert.That(op.Key, Is.EqualTo("ordersV0.json#getOrders"));
        Assert.That(GetOrders(), Is.EqualTo(op), "a key read does not change equality");
        Assert.That(GetOrders().GetHashCode(), Is.EqualTo(op.GetHashCode()));
    }
}
