using System.Runtime.CompilerServices;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SpApi.Documents.Download;
using SpApi.Runtime.Json;

namespace SpApi.Documents.Reading;

/// <summary>
/// Typed records of a JSON document, streamed one record at a time into any Newtonsoft-deserialisable type
/// (e.g. the report schema types generated elsewhere). Three shapes:
/// a root array (each element is a record); JSON Lines (Data Kiosk output: each line's object is a record);
/// or, with <c>arrayProperty</c>, the elements of that array property of the root object
/// (e.g. <c>salesAndTrafficByAsin</c>), other root properties being skipped.
/// </summary>
public static class JsonRecordReader
{
    private static readonly JsonSerializer DefaultSerializer = JsonSerializer.Create(SpApiJson.CreateSettings());

    /// <summary>Yields the records of <paramref name="text"/> as they are read (a root array, JSON Lines, or the <paramref name="arrayProperty"/> array of the root object).</summary>
    /// <param name="text">The decoded document, e.g. <see cref="DocumentContent.OpenText"/>.</param>
    /// <param name="arrayProperty">The root object's array property holding the records; null for a root array or JSON Lines.</param>
    /// <param name="serializer">Deserialises each record; default: the clients' tolerant settings (unknown enum values and bad dates do not fail a record).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <exception cref="DocumentException">The JSON does not have the expected shape (the message names the position).</exception>
    public static async IAsyncEnumerable<T> ReadAsync<T>(TextReader text, string? arrayProperty = null, JsonSerializer? serializer = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        serializer ??= DefaultSerializer;
        using var json = new JsonTextReader(text) { SupportMultipleContent = true, DateParseHandling = DateParseHandling.None, CloseInput = false };
        if (!await ReadAsync(json, cancellationToken)) yield break;

        if (arrayProperty is not null)
        {
            if (json.TokenType != JsonToken.StartObject) throw Shape($"expected an object holding '{arrayProperty}'", json);
            if (!await SeekPropertyAsync(json, arrayProperty, cancellationToken)) yield break;
            if (json.TokenType == JsonToken.Null) yield break;
            if (json.TokenType != JsonToken.StartArray) throw Shape($"'{arrayProperty}' is not an array", json);
            await foreach (var item in ElementsAsync<T>(json, serializer, cancellationToken)) yield return item;
            yield break;
        }

        if (json.TokenType == JsonToken.StartArray)
        {
            await foreach (var item in ElementsAsync<T>(json, serializer, cancellationToken)) yield return item;
            yield break;
        }

        // JSON Lines (or a single object): every root value is one record.
        do
        {
            if (json.TokenType != JsonToken.StartObject) throw Shape("expected an array, an object or JSON Lines", json);
            yield return await ToRecordAsync<T>(json, serializer, cancellationToken);
        } while (await ReadAsync(json, cancellationToken));
    }

    /// <summary>Downloads a JSON document and yields its records as they arrive.</summary>
    public static async IAsyncEnumerable<T> ReadRecordsAsync<T>(this DocumentDownloader downloader, DocumentLocation location,
        string? arrayProperty = null, JsonSerializer? serializer = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(downloader);
        await using var document = await downloader.OpenAsync(location, cancellationToken);
        using var text = document.OpenText();
        await foreach (var record in ReadAsync<T>(text, arrayProperty, serializer, cancellationToken))
            yield return record;
    }

    private static async IAsyncEnumerable<T> ElementsAsync<T>(JsonTextReader json, JsonSerializer serializer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await ReadAsync(json, cancellationToken) && json.TokenType != JsonToken.EndArray)
            yield return await ToRecordAsync<T>(json, serializer, cancellationToken);
    }

    private static async Task<T> ToRecordAsync<T>(JsonTextReader json, JsonSerializer serializer, CancellationToken cancellationToken)
    {
        var line = json.LineNumber;
        JToken token;
        try
        {
            token = await JToken.ReadFromAsync(json, cancellationToken);
        }
        catch (JsonReaderException e)
        {
            throw new DocumentException($"The JSON document is malformed at line {e.LineNumber}, position {e.LinePosition}.", e);
        }
        try
        {
            return token.ToObject<T>(serializer)!;
        }
        catch (JsonException e)
        {
            throw new DocumentException($"The record at line {line} cannot be read as {typeof(T).Name}: {e.Message}", e);
        }
    }

    /// <summary>Moves to the value of a root-level property, skipping the others without materialising them.</summary>
    private static async Task<bool> SeekPropertyAsync(JsonTextReader json, string name, CancellationToken cancellationToken)
    {
        while (await ReadAsync(json, cancellationToken))
        {
            if (json.TokenType == JsonToken.EndObject && json.Depth == 0) return false;
            if (json.TokenType != JsonToken.PropertyName || json.Depth != 1) continue;
            var found = string.Equals((string?)json.Value, name, StringComparison.Ordinal);
            if (!await ReadAsync(json, cancellationToken)) return false;
            if (found) return true;
            await json.SkipAsync(cancellationToken);
        }
        return false;
    }

    private static async Task<bool> ReadAsync(JsonTextReader json, CancellationToken cancellationToken)
    {
        try
        {
            return await json.ReadAsync(cancellationToken);
        }
        catch (JsonReaderException e)
        {
            throw new DocumentException($"The JSON document is malformed at line {e.LineNumber}, position {e.LinePosition}.", e);
        }
    }

    private static DocumentException Shape(string what, JsonTextReader json) =>
        new($"The JSON document has an unexpected shape: {what} (line {json.LineNumber}, found {json.TokenType}).");
}
