using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Auth;

/// <summary>
/// The parameters of an LWA token request, from an <c>application/x-www-form-urlencoded</c> body or a JSON object
/// body (as LWA accepts both). A missing parameter reads as "".
/// </summary>
internal sealed class LwaParameters
{
    private const int MaxJsonBytes = 64 * 1024;
    private readonly IReadOnlyDictionary<string, string> _values;

    private LwaParameters(IReadOnlyDictionary<string, string> values) => _values = values;

    public string this[string name] => _values.GetValueOrDefault(name) ?? "";

    public static async Task<(LwaParameters? Parameters, string? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (new LwaParameters(form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal)), null);
        }
        if (!IsJson(request.ContentType))
            return (null, "The token request must be application/x-www-form-urlencoded or application/json.");

        var (text, tooLarge) = await ReadBoundedAsync(request.Body, cancellationToken);
        if (tooLarge) return (null, $"The token request body exceeds {MaxJsonBytes} bytes.");
        JObject json;
        try
        {
            json = JToken.Parse(text) as JObject ?? throw new JsonReaderException("not an object");
        }
        catch (JsonReaderException)
        {
            return (null, "The token request body is not a JSON object.");
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in json.Properties())
        {
            if (property.Value.Type is JTokenType.Object or JTokenType.Array)
                return (null, $"The token request parameter {property.Name} must be a string.");
            if (property.Value.Type != JTokenType.Null) values[property.Name] = property.Value.ToString();
        }
        return (new LwaParameters(values), null);
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim() is var media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static async Task<(string Text, bool TooLarge)> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes) return ("", true);
            buffer.Write(chunk, 0, read);
        }
        return (System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), false);
    }
}
