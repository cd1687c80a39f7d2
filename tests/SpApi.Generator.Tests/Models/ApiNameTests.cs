using SpApi.Generator.Models;

namespace SpApi.Generator.Tests.Models;

public class ApiNameTests
{
    [TestCase("ordersV0.json", "v0", "SpApi.Orders.V0")]
    [TestCase("orders_2026-01-01.json", "2026-01-01", "SpApi.Orders.V2026_01_01")]
    [TestCase("catalogItems_2022-04-01.json", "2022-04-01", "SpApi.CatalogItems.V2022_04_01")]
    [TestCase("deliveryShipmentInvoiceV2022-07-01.json", "2022-07-01", "SpApi.DeliveryShipmentInvoice.V2022_07_01")]
    [TestCase("replenishment-2022-11-07.json", "2022-11-07", "SpApi.Replenishment.V2022_11_07")]
    [TestCase("sellers.json", "v1", "SpApi.Sellers.V1")]
    [TestCase("shippingV2.json", "v2", "SpApi.Shipping.V2")]
    [TestCase("InvoicesApiModel_2024-06-19.json", "2024-06-19", "SpApi.Invoices.V2024_06_19")]
    [TestCase("definitionsProductTypes_2020-09-01.json", "2020-09-01", "SpApi.ProductTypeDefinitions.V2020_09_01")]
    public void Namespace_from_file_name_and_info_version(string file, string infoVersion, string expected) =>
        Assert.That(ApiName.FromModelFile(file, infoVersion).Namespace, Is.EqualTo(expected));

    [Test]
    public void No_version_anywhere_is_a_clear_error() =>
        Assert.That(() => ApiName.FromModelFile("mystery.json", "beta"),
            Throws.TypeOf<GeneratorException>().With.Message.Contains("mystery.json"));
}
