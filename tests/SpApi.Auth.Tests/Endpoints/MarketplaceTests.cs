using SpApi.Auth.Endpoints;

namespace SpApi.Auth.Tests.Endpoints;

public class MarketplaceTests
{
    [Test]
    public void All23Marketplaces_AreMappedToTheirRegion()
    {
        string Codes(SpApiRegion region) => string.Join(",", Marketplaces.All.Where(m => m.Region == region).Select(m => m.CountryCode));

        Assert.That(Marketplaces.All, Has.Count.EqualTo(23));
        Assert.That(Marketplaces.All.Select(m => m.Id), Is.Unique);
        Assert.That(Codes(SpApiRegion.NorthAmerica), Is.EqualTo("CA,US,MX,BR"));
        Assert.That(Codes(SpApiRegion.Europe), Is.EqualTo("IE,ES,UK,FR,BE,NL,DE,IT,SE,ZA,PL,EG,TR,SA,AE,IN"));
        Assert.That(Codes(SpApiRegion.FarEast), Is.EqualTo("SG,AU,JP"));
    }

    [TestCase("ATVPDKIKX0DER", SpApiRegion.NorthAmerica, "https://sellingpartnerapi-na.amazon.com/")]
    [TestCase("A2Q3Y263D00KWC", SpApiRegion.NorthAmerica, "https://sellingpartnerapi-na.amazon.com/")]
    [TestCase("A1PA6795UKMFR9", SpApiRegion.Europe, "https://sellingpartnerapi-eu.amazon.com/")]
    [TestCase("A21TJRUUN4KGV", SpApiRegion.Europe, "https://sellingpartnerapi-eu.amazon.com/")]
    [TestCase("A28R8C7NBKEWEA", SpApiRegion.Europe, "https://sellingpartnerapi-eu.amazon.com/")]
    [TestCase("A1VC38T7YXB528", SpApiRegion.FarEast, "https://sellingpartnerapi-fe.amazon.com/")]
    public void MarketplaceId_MapsToRegionAndEndpoint(string id, SpApiRegion region, string endpoint)
    {
        var m = Marketplaces.Get(id);
        Assert.That(m.Region, Is.EqualTo(region));
        Assert.That(m.BaseAddress.AbsoluteUri, Is.EqualTo(endpoint));
        Assert.That(Marketplaces.RegionOf(id), Is.EqualTo(region));
    }

    [Test]
    public void UnknownMarketplace_IsAClearError()
    {
        var e = Assert.Throws<UnknownMarketplaceException>(() => Marketplaces.Get("A0000000000000"));
        Assert.That(e!.Value, Is.EqualTo("A0000000000000"));
        Assert.That(e.Message, Does.Contain("Unknown Amazon marketplace 'A0000000000000'").And.Contain("ATVPDKIKX0DER (US)"));
        Assert.That(Marketplaces.TryGet(null, out _), Is.False);
    }

    [Test]
    public void CountryCodes_ResolveIncludingGb()
    {
        Assert.That(Marketplaces.ForCountry("gb"), Is.SameAs(Marketplaces.UnitedKingdom));
        Assert.That(Marketplaces.ForCountry("JP"), Is.SameAs(Marketplaces.Japan));
        Assert.Throws<UnknownMarketplaceException>(() => Marketplaces.ForCountry("XX"));
    }

    [TestCase(SpApiRegion.NorthAmerica, false, "https://sellingpartnerapi-na.amazon.com/")]
    [TestCase(SpApiRegion.Europe, true, "https://sandbox.sellingpartnerapi-eu.amazon.com/")]
    [TestCase(SpApiRegion.FarEast, true, "https://sandbox.sellingpartnerapi-fe.amazon.com/")]
    public void RegionEndpoints_IncludeSandboxHosts(SpApiRegion region, bool sandbox, string expected)
    {
        var uri = SpApiEndpoints.BaseAddress(region, sandbox);
        Assert.That(uri.AbsoluteUri, Is.EqualTo(expected));
        Assert.That(SpApiEndpoints.IsSpApiHost(uri), Is.True);
    }

    [TestCase("http://sellingpartnerapi-na.amazon.com/")]
    [TestCase("https://sellingpartnerapi-na.amazon.com:8443/")]
    [TestCase("https://evil.example/")]
    [TestCase("https://sellingpartnerapi-na.amazon.com.evil.example/")]
    [TestCase("https://api.amazon.com/")]
    public void OnlySpApiHttpsHosts_AreSpApiHosts(string uri) =>
        Assert.That(SpApiEndpoints.IsSpApiHost(new Uri(uri)), Is.False);

    [TestCase("na", SpApiRegion.NorthAmerica)]
    [TestCase("EU", SpApiRegion.Europe)]
    [TestCase("FarEast", SpApiRegion.FarEast)]
    [TestCase(" eu ", SpApiRegion.Europe)]
    [TestCase("\tFe\n", SpApiRegion.FarEast)]
    [TestCase("northamerica", SpApiRegion.NorthAmerica)]
    public void Regions_Parse(string text, SpApiRegion region) => Assert.That(SpApiEndpoints.ParseRegion(text), Is.EqualTo(region));

    [Test]
    public void UnknownRegion_IsAClearError() =>
        Assert.That(() => SpApiEndpoints.ParseRegion("Mars"), Throws.ArgumentException.With.Message.Contains("'Mars'"));
}
