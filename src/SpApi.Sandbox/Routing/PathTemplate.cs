namespace SpApi.Sandbox.Routing;

/// <summary>
/// A model path template such as <c>/orders/v0/orders/{orderId}/address</c>, matched segment by
/// segment against a request path (raw, so an escaped <c>%2F</c> inside a value stays inside it).
/// </summary>
internal sealed class PathTemplate
{
    private readonly Segment[] _segments;

    public PathTemplate(string template)
    {
        Template = template;
        _segments = Split(template).Select(s => IsPlaceholder(s) ? new Segment(null, s[1..^1]) : new Segment(s, null)).ToArray();
    }

    public string Template { get; }

    /// <summary>How many segments are literal: the more, the more specific a match.</summary>
    public int LiteralCount => _segments.Count(s => s.Literal is not null);

    /// <summary>Matches <paramref name="rawPath"/> and returns the decoded path parameter values, or null.</summary>
    public Dictionary<string, string>? Match(string rawPath)
    {
        var parts = Split(rawPath);
        if (parts.Length != _segments.Length) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < parts.Length; i++)
        {
            var decoded = Uri.UnescapeDataString(parts[i]);
            var segment = _segments[i];
            if (segment.Literal is not null)
            {
                if (!string.Equals(segment.Literal, decoded, StringComparison.Ordinal)) return null;
            }
            else
            {
                values[segment.Parameter!] = decoded; // may be empty: a client sends "" as "/items/"
            }
        }
        return values;
    }

    /// <summary>
    /// True when <paramref name="resourcePath"/> names this template either concretely or generically
    /// (a <c>{name}</c> placeholder where the template has a parameter), as the Tokens API allows.
    /// </summary>
    public bool MatchesResourcePath(string resourcePath, out bool generic)
    {
        generic = false;
        var parts = Split(resourcePath);
        if (parts.Length != _segments.Length) return false;
        for (var i = 0; i < parts.Length; i++)
        {
            var part = Uri.UnescapeDataString(parts[i]);
            if (_segments[i].Literal is { } literal)
            {
                if (!string.Equals(literal, part, StringComparison.Ordinal)) return false;
            }
            else if (IsPlaceholder(part)) generic = true;
            else if (part.Length == 0) return false;
        }
        return true;
    }

    /// <summary>Segments after the leading slash; a trailing slash yields an empty last segment.</summary>
    internal static string[] Split(string path)
    {
        var trimmed = path.StartsWith('/') ? path[1..] : path;
        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }

    internal static bool IsPlaceholder(string segment) =>
        segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';

    private readonly record struct Segment(string? Literal, string? Parameter);
}
