using System.Runtime.Serialization;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using SpApi.Runtime.Json;

namespace SpApi.Runtime.Tests;

/// <summary>The fast name table must read exactly what Json.NET's StringEnumConverter reads, and never throw.</summary>
public class TolerantEnumConverterTests
{
    public enum Channel
    {
        [EnumMember(Value = "MFN")] Merchant = 0,
        [EnumMember(Value = "AFN")] Amazon = 1,
        Other = 2,
        [EnumMember(Value = "two words")] TwoWords = 3,
    }

    [Flags]
    public enum Features { None = 0, Prime = 1, Business = 2 }

    private sealed class Holder<T>
    {
        [JsonProperty("v")] public T Value { get; set; } = default!;
    }

    private static T ReadWith<T>(string valueJson, JsonConverter converter) =>
        JsonConvert.DeserializeObject<Holder<T>>($$"""{"v":{{valueJson}}}""",
            new JsonSerializerSettings { Converters = [converter] })!.Value;

    private static T ReadTolerant<T>(string valueJson) => ReadWith<T>(valueJson, new TolerantEnumConverter());

    [TestCase("\"AFN\"")]
    [TestCase("\"afn\"")]
    [TestCase("\"Amazon\"")]
    [TestCase("\"amazon\"")]
    [TestCase("\"Other\"")]
    [TestCase("\"OTHER\"")]
    [TestCase("\"two words\"")]
    [TestCase("\"TwoWords\"")]
    [TestCase("\" AFN \"")]
    [TestCase("\"2\"")]
    [TestCase("1")]
    [TestCase("7")]
    [TestCase("\"MFN,AFN\"")]
    [TestCase("null")]
    [TestCase("\"\"")]
    public void Reads_what_StringEnumConverter_reads(string valueJson)
    {
        Assert.That(ReadTolerant<Channel?>(valueJson), Is.EqualTo(ReadWith<Channel?>(valueJson, new StringEnumConverter())));
    }

    [TestCase("\"Prime, Business\"", Features.Prime | Features.Business)]
    [TestCase("\"prime\"", Features.Prime)]
    [TestCase("3", Features.Prime | Features.Business)]
    public void Reads_flags_as_Json_NET_does(string valueJson, Features expected)
    {
        Assert.That(ReadTolerant<Features>(valueJson), Is.EqualTo(expected));
        Assert.That(ReadWith<Features>(valueJson, new StringEnumConverter()), Is.EqualTo(expected));
    }

    [TestCase("\"PartiallyShipped\"")]
    [TestCase("\"AFN2\"")]
    [TestCase("\"-\"")]
    [TestCase("\" \"")]
    [TestCase("true")]
    [TestCase("{\"x\":1}")]
    [TestCase("[\"AFN\"]")]
    public void Unknown_values_give_null_or_the_default(string valueJson)
    {
        Assert.That(ReadTolerant<Channel?>(valueJson), Is.Null);
        Assert.That(ReadTolerant<Channel>(valueJson), Is.EqualTo(Channel.Merchant));
    }

    [Test]
    public void Null_for_a_non_nullable_enum_gives_the_default()
    {
        Assert.That(ReadTolerant<Channel>("null"), Is.EqualTo(Channel.Merchant));
    }

    [Test]
    public void Known_and_unknown_names_are_read_without_any_exception()
    {
        var thrown = 0;
        EventHandler<System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs> count = (_, _) => Interlocked.Increment(ref thrown);
        var json = "[" + string.Join(",", Enumerable.Range(0, 50).Select(i => i % 2 == 0 ? "\"NewChannel\"" : "\"afn\"")) + "]";
        List<Channel?> values;
        AppDomain.CurrentDomain.FirstChanceException += count;
        try
        {
            values = JsonConvert.DeserializeObject<List<Channel?>>(json, new JsonSerializerSettings { Converters = [new TolerantEnumConverter()] })!;
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= count;
        }

        Assert.That(values.Count(v => v is null), Is.EqualTo(25));
        Assert.That(values.Count(v => v == Channel.Amazon), Is.EqualTo(25));
        Assert.That(thrown, Is.Zero);
    }

    [Test]
    public void One_converter_serves_several_enum_types()
    {
        var converter = new TolerantEnumConverter();
        Assert.That(ReadWith<Channel?>("\"AFN\"", converter), Is.EqualTo(Channel.Amazon));
        Assert.That(ReadWith<Features>("\"Business\"", converter), Is.EqualTo(Features.Business));
        Assert.That(ReadWith<Channel>("\"Nope\"", converter), Is.EqualTo(Channel.Merchant));
    }
}
