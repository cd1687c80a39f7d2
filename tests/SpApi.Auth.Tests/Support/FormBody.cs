namespace SpApi.Auth.Tests.Support;

internal static class FormBody
{
    /// <summary>Parses an application/x-www-form-urlencoded body.</summary>
    public static Dictionary<string, string> Parse(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Decode(p[0]), p => p.Length > 1 ? Decode(p[1]) : "");

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
