namespace SpApi.Runtime;

/// <summary>
/// Path arguments of generated clients, and the check that a request path fits its operation's template.
/// A path argument is one segment: empty, <c>.</c> and <c>..</c> are refused (they would collapse into another
/// operation's path, e.g. <c>getOrder(".")</c> into <c>getOrders</c>); everything else is percent-escaped, so a
/// value can never add a segment, a query or a fragment.
/// </summary>
public static class SpApiPath
{
    /// <summary>The escaped segment for a path argument. Throws <see cref="ArgumentException"/> naming <paramref name="parameter"/>.</summary>
    public static string Segment(string? value, string parameter)
    {
        if (value is null) throw new ArgumentNullException(parameter, $"Path parameter '{parameter}' must not be null.");
        if (!IsAllowedSegment(value))
            throw new ArgumentException($"Path parameter '{parameter}' must not be empty, '.' or '..' (it would address another operation).", parameter);
        return Uri.EscapeDataString(value);
    }

    /// <summary>
    /// The escaped segments of a path-valued argument (Uploads' <c>resource</c>): slashes are kept, each segment is
    /// escaped, and empty, <c>.</c> and <c>..</c> segments are refused.
    /// </summary>
    public static string Segments(string? value, string parameter)
    {
        if (value is null) throw new ArgumentNullException(parameter, $"Path parameter '{parameter}' must not be null.");
        var parts = value.Trim('/').Split('/');
        foreach (var part in parts)
            if (!IsAllowedSegment(part) || part.Contains('\\'))
                throw new ArgumentException($"Path parameter '{parameter}' must be a relative path without empty, '.', '..' or backslash segments.", parameter);
        return string.Join("/", parts.Select(Uri.EscapeDataString));
    }

    private static bool IsAllowedSegment(string value) => value.Length > 0 && value is not ("." or "..");

    /// <summary>
    /// True when <paramref name="absolutePath"/> (escaped, as in <see cref="Uri.AbsolutePath"/>) fits
    /// <paramref name="operation"/>'s template: the same literal segments, and one non-empty, non-dot segment per
    /// parameter (one or more for <see cref="OperationMetadata.PathValuedParameters"/>).
    /// </summary>
    public static bool Fits(OperationMetadata operation, string absolutePath)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(absolutePath);
        var template = operation.PathTemplate.Trim('/').Split('/');
        var path = absolutePath.Trim('/').Split('/');
        if (absolutePath.Length == 0 || absolutePath[0] != '/') return false;
        int p = 0;
        for (var t = 0; t < template.Length; t++)
        {
            var segment = template[t];
            if (segment.Length > 2 && segment[0] == '{' && segment[^1] == '}')
            {
                var name = segment[1..^1];
                // A path-valued parameter takes every segment the literal rest of the template leaves it.
                var take = operation.PathValuedParameters.Contains(name) ? path.Length - p - (template.Length - t - 1) : 1;
                if (take < 1 || p + take > path.Length) return false;
                for (var i = 0; i < take; i++)
                    if (!IsFilledSegment(path[p + i])) return false;
                p += take;
            }
            else
            {
                if (p >= path.Length || !string.Equals(path[p], segment, StringComparison.Ordinal)) return false;
                p++;
            }
        }
        return p == path.Length;
    }

    // An argument segment as it travels: never empty, never a dot segment (escaped dots too: servers may decode them).
    private static bool IsFilledSegment(string escaped) =>
        escaped.Length > 0 && Uri.UnescapeDataString(escaped) is not ("." or "..");
}
