using System.Globalization;
using Newtonsoft.Json.Linq;

namespace SpApi.Sandbox.Cases;

/// <summary>Turns one Swagger 2.0 model into <see cref="ModelOperation"/>s and their static sandbox cases.</summary>
internal static class ModelFileReader
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public static IEnumerable<ModelOperation> Read(string file, JObject model, List<string> warnings)
    {
        var modelFile = Path.GetFileName(file);
        if (model["paths"] is not JObject paths) yield break;
        var sharedParameters = model["parameters"] as JObject;
        var usedIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        foreach (var (pathTemplate, pathItemToken) in paths)
        {
            if (pathItemToken is not JObject pathItem) continue;
            var common = pathItem["parameters"] as JArray;
            foreach (var method in HttpMethods)
            {
                if (pathItem[method] is not JObject op) continue;
                var operationId = DistinctId(op.Value<string>("operationId") ?? $"{method}{pathTemplate}", method, usedIds);
                var parameters = ReadParameters(common, op["parameters"] as JArray, sharedParameters);
                var operation = new ModelOperation(modelFile, operationId, method.ToUpperInvariant(), pathTemplate, parameters);
                operation.Cases = ReadCases(operation, op["responses"] as JObject, warnings);
                yield return operation;
            }
        }
    }

    /// <summary>
    /// Swagger wants unique operationIds but a few models repeat one (shippingV2's linkCarrierAccount for PUT
    /// and POST). Later duplicates get the method appended (<c>linkCarrierAccountPost</c>), as the client
    /// generator names them, so keys agree with the generated operation catalog.
    /// </summary>
    private static string DistinctId(string id, string method, HashSet<string> used)
    {
        if (used.Add(id)) return id;
        var renamed = id + char.ToUpperInvariant(method[0]) + method[1..];
        for (var n = 2; !used.Add(renamed); n++) renamed = id + char.ToUpperInvariant(method[0]) + method[1..] + n;
        return renamed;
    }

    /// <summary>Operation parameters override path-level ones of the same name and location.</summary>
    private static IReadOnlyList<ModelParameter> ReadParameters(JArray? common, JArray? own, JObject? shared)
    {
        var result = new List<ModelParameter>();
        foreach (var token in (common ?? []).Concat(own ?? []))
        {
            if (Resolve(token, shared) is not { } p || ParseLocation(p.Value<string>("in")) is not { } location) continue;
            var name = p.Value<string>("name");
            if (string.IsNullOrEmpty(name)) continue;
            var items = p["items"] as JObject;
            result.RemoveAll(x => x.Name == name && x.Location == location);
            result.Add(new ModelParameter(name, location, p.Value<bool?>("required") ?? location == ParameterLocation.Path,
                p.Value<string>("type"), p.Value<string>("format"),
                items?.Value<string>("type"), items?.Value<string>("format"), p.Value<string>("collectionFormat")));
        }
        return result;
    }

    private static JObject? Resolve(JToken token, JObject? shared)
    {
        if (token is not JObject p) return null;
        var reference = p.Value<string>("$ref");
        if (reference is null) return p;
        const string prefix = "#/parameters/";
        return reference.StartsWith(prefix, StringComparison.Ordinal) ? shared?[reference[prefix.Length..]] as JObject : null;
    }

    private static ParameterLocation? ParseLocation(string? location) => location switch
    {
        "path" => ParameterLocation.Path,
        "query" => ParameterLocation.Query,
        "header" => ParameterLocation.Header,
        "body" => ParameterLocation.Body,
        "formData" => ParameterLocation.FormData,
        _ => null,
    };

    private static IReadOnlyList<SandboxCase> ReadCases(ModelOperation operation, JObject? responses, List<string> warnings)
    {
        var cases = new List<SandboxCase>();
        if (responses is null) return cases;
        foreach (var (code, responseToken) in responses)
        {
            if ((responseToken as JObject)?["x-amzn-api-sandbox"] is not JObject sandbox || sandbox["static"] is not JArray statics) continue;
            if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                warnings.Add($"{operation.Key}: {statics.Count} sandbox case(s) under response '{code}', which is not an HTTP status; skipped.");
                continue;
            }
            foreach (var entry in statics.OfType<JObject>())
                cases.Add(CaseReader.Read(operation, cases.Count + 1, status, entry));
        }
        return cases;
    }
}
