using Newtonsoft.Json;

namespace SpApi.Runtime;

/// <summary>One entry of SP-API's <c>errors</c> list.</summary>
public sealed record SpApiError(
    [property: JsonProperty("code")] string Code,
    [property: JsonProperty("message")] string? Message,
    [property: JsonProperty("details")] string? Details)
{
    /// <inheritdoc/>
    public override string ToString() => Details is null ? $"{Code}: {Message}" : $"{Code}: {Message} ({Details})";
}
