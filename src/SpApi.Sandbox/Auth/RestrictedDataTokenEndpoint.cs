using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using SpApi.Runtime;
using SpApi.Sandbox.Cases;
using SpApi.Sandbox.Http;
using SpApi.Sandbox.Matching;
using SpApi.Sandbox.Routing;
using SpApi.Sandbox.Stats;

namespace SpApi.Sandbox.Auth;

/// <summary>
/// The Tokens API's createRestrictedDataToken. A request matching one of the model's static cases gets
/// that case's answer (its sample token then works as an RDT for the resources asked for); any other
/// request is validated like SP-API does and gets a fresh RDT for its restricted resources. As an application without
/// restricted roles (<see cref="SandboxOptions.WithoutRestrictedRoles"/>) every RDT is refused the way Amazon refuses it.
/// </summary>
internal sealed class RestrictedDataTokenEndpoint(
    OperationRouter router,
    OperationCatalog catalog,
    RestrictedResourceRules rules,
    TokenStore tokens,
    SandboxStats stats,
    TimeSpan lifetime,
    bool withoutRestrictedRoles = false)
{
    public const string OperationKey = "tokens_2021-03-01.json#createRestrictedDataToken";
    private const int MaxResources = 50;

    public SandboxResponse Handle(ModelOperation operation, IncomingRequest request, IssuedToken caller)
    {
        var (resources, problem) = ReadResources(request.Body);
        var match = CaseMatcher.Match(operation, request);
        if (match.Case is { } staticCase)
        {
            if (withoutRestrictedRoles && staticCase.ExpectedStatus is >= 200 and < 300) return Refusal(resources ?? []);
            if (staticCase.ExpectedStatus is >= 200 and < 300 && resources is not null
                && (staticCase.ResponseBody as JObject)?["restrictedDataToken"]?.Value<string>() is { Length: > 0 } sample)
            {
                tokens.Register(sample, Restricted(caller, resources));
                stats.RdtIssued();
            }
            return new SandboxResponse(staticCase.ExpectedStatus, staticCase.ResponseBody, staticCase.ResponseHeaders);
        }

        if (problem is not null || (problem = Validate(resources!)) is not null)
            return SandboxResponse.Error(StatusCodes.Status400BadRequest, "InvalidInput", "Request is missing or has invalid parameters", problem);

        if (withoutRestrictedRoles) return Refusal(resources!);

        var text = tokens.Issue("Atz.sprdt|", Restricted(caller, resources!));
        stats.RdtIssued();
        return new SandboxResponse(StatusCodes.Status200OK, new JObject
        {
            ["restrictedDataToken"] = text,
            ["expiresIn"] = (long)lifetime.TotalSeconds,
        });
    }

    /// <summary>
    /// Amazon's answer to an application without the restricted roles: 400 InvalidInput naming the data elements it
    /// may not have, or (no data elements asked) the resources, with empty details.
    /// </summary>
    internal static SandboxResponse Refusal(IReadOnlyList<RestrictedResource> resources)
    {
        var elements = resources.SelectMany(r => r.DataElements).Distinct(StringComparer.Ordinal).ToArray();
        var message = elements.Length > 0
            ? $"Application does not have access to one or more requested data elements: [{string.Join(", ", elements)}]"
            : "Application do not have access to some or all requested resource";
        return SandboxResponse.Explained(StatusCodes.Status400BadRequest, "InvalidInput", message,
            "This sandbox acts as an application without restricted roles (SandboxOptions.WithoutRestrictedRoles, --without-restricted-roles): "
            + $"the Tokens API refuses every restricted data token ({string.Join("; ", resources)}).");
    }

    private IssuedToken Restricted(IssuedToken caller, IReadOnlyList<RestrictedResource> resources) =>
        new(IssuedTokenKind.Restricted, caller.ClientId, caller.SellerId, new HashSet<string>(), tokens.Now + lifetime, resources);

    private static (IReadOnlyList<RestrictedResource>? Resources, string? Problem) ReadResources(JToken? body)
    {
        if ((body as JObject)?["restrictedResources"] is not JArray array || array.Count == 0)
            return (null, "restrictedResources is required and must list at least one resource.");
        if (array.Count > MaxResources)
            return (null, $"restrictedResources lists {array.Count} resources; the maximum is {MaxResources}.");
        var result = new List<RestrictedResource>();
        foreach (var item in array)
        {
            var method = item["method"]?.Type == JTokenType.String ? item.Value<string>("method") : null;
            var path = item["path"]?.Type == JTokenType.String ? item.Value<string>("path") : null;
            if (string.IsNullOrEmpty(method) || string.IsNullOrEmpty(path))
                return (null, "Resource not provided: every restricted resource needs a method and a path.");
            var elements = (item["dataElements"] as JArray)?.Select(e => e.ToString()).ToArray() ?? [];
            result.Add(new RestrictedResource(method, path, elements));
        }
        return (result, null);
    }

    private string? Validate(IReadOnlyList<RestrictedResource> resources)
    {
        foreach (var resource in resources)
        {
            if (resource.Method is not ("GET" or "PUT" or "POST" or "DELETE"))
                return $"Method '{resource.Method}' is not one of GET, PUT, POST, DELETE.";
            var query = resource.Path.IndexOf('?');
            if (!resource.Path.StartsWith('/') || query >= 0)
                return $"Path '{resource.Path}' must be an absolute path without a query string.";
            if (router.MatchResource(resource.Method, resource.Path) is not var (operation, generic))
                return $"{resource.Method} {resource.Path} is not an SP-API operation.";
            if (catalog.Find(operation.ModelFile, operation.OperationId) is not { Restricted: true })
                return $"{operation.OperationId} ({resource.Method} {resource.Path}) is not a restricted operation; call it with an LWA access token.";
            if (generic && !rules.AllowsGenericPath(operation.Key))
                return $"{operation.OperationId} needs the concrete path in its restricted resource, not the generic {resource.Path}.";
            if (rules.CheckDataElements(operation.Key, operation.OperationId, resource.DataElements) is { } why)
                return why;
        }
        return null;
    }
}
