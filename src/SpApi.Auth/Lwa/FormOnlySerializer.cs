using RestSharp;
using RestSharp.Serializers;

namespace SpApi.Auth.Lwa;

/// <summary>
/// RestSharp's only serializer for the LWA client: the request is a form and the answer is read through
/// <see cref="LwaBodyCap"/> and parsed by <see cref="LwaResponseParser"/>, so nothing is ever (de)serialized.
/// RestSharp's defaults (System.Text.Json and XML) would be built for every token request and load and JIT code
/// the client never runs.
/// </summary>
internal sealed class FormOnlySerializer : IRestSerializer, ISerializer, IDeserializer
{
    public static readonly FormOnlySerializer Instance = new();

    public ISerializer Serializer => this;

    public IDeserializer Deserializer => this;

    public string[] AcceptedContentTypes { get; } = ["application/json"];

    public SupportsContentType SupportsContentType { get; } = static _ => false;

    public DataFormat DataFormat => DataFormat.None;

    public ContentType ContentType { get; set; } = ContentType.Json;

    public string? Serialize(Parameter parameter) =>
        throw new NotSupportedException("The LWA client sends form fields only.");

    public string? Serialize(object obj) =>
        throw new NotSupportedException("The LWA client sends form fields only.");

    public T? Deserialize<T>(RestResponse response) =>
        throw new NotSupportedException("LWA answers are parsed by LwaResponseParser.");
}
