using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Cases;

/// <summary>
/// Reads one static case. Cases name parameters as <c>{"name": {"value": V}}</c>, with the body under
/// <c>body</c> whatever the body parameter is called. Known upstream slips are read the way Amazon's
/// sandbox evidently means them and recorded as <see cref="SandboxCase.Quirks"/>.
/// </summary>
internal static class CaseReader
{
    private const string BodyKey = "body";

    public static SandboxCase Read(ModelOperation operation, int index, int status, JObject entry)
    {
        var quirks = new List<string>();
        var parameters = new List<SandboxCaseParameter>();
        JToken? body = null;

        var given = (entry["request"] as JObject)?["parameters"] as JObject;
        foreach (var property in given?.Properties() ?? [])
        {
            var (name, raw) = (property.Name, property.Value);
            var definition = operation.FindParameter(name);
            var isBody = definition?.Location == ParameterLocation.Body
                || (name == BodyKey && operation.BodyParameter is not null);
            if (isBody)
            {
                body = ReadBody(raw, quirks);
                continue;
            }
            if (definition is null)
            {
                if (!IsEmpty(raw))
                    quirks.Add($"parameter '{name}' is not declared by the operation; ignored");
                else if (name == BodyKey)
                    quirks.Add("empty 'body' entry on an operation without a body; ignored");
                continue;
            }
            if (raw is JObject wrapper && wrapper.TryGetValue("value", out var value))
                parameters.Add(new SandboxCaseParameter(definition, value));
            else
                quirks.Add($"parameter '{name}' has no 'value'; it does not constrain the request");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in (entry["responseHeaders"] as JObject)?.Properties() ?? [])
        {
            var (name, raw) = (property.Name, property.Value);
            var value = raw is JObject o && o.TryGetValue("value", out var v) ? v : raw;
            if (value is JValue { Value: not null } scalar) headers[name] = scalar.ToString();
        }

        var response = entry["response"];
        if (response?.Type == JTokenType.Null) response = null;
        return new SandboxCase(operation, index, status, parameters, body, response, headers, quirks);
    }

    private static JToken? ReadBody(JToken? raw, List<string> quirks)
    {
        if (raw is not JObject wrapper) return raw;
        if (wrapper.TryGetValue("value", out var value))
        {
            var stray = wrapper.Properties().Where(p => p.Name != "value").Select(p => p.Name).ToArray();
            if (stray.Length > 0)
                quirks.Add($"body entry carries stray key(s) {string.Join(", ", stray)} beside 'value'; ignored");
            return value;
        }
        if (wrapper.Count == 0)
        {
            quirks.Add("body entry is empty; the case does not constrain the body");
            return null;
        }
        quirks.Add("body given without a 'value' wrapper; read as the body itself");
        return wrapper;
    }

    private static bool IsEmpty(JToken? raw) => raw is null || raw.Type == JTokenType.Null || raw is JObject { Count: 0 };
}
