using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SpApi.Clients;

namespace SpApi.Cli.Commands;

/// <summary><c>spapi operations [--json] [--api NAME]</c>: the generated per-operation metadata.</summary>
public sealed class OperationsCommand : ICliCommand
{
    public string Name => "operations";
    public string Summary => "List every generated operation with its usage plan and auth requirements.";
    public string Usage => """
        Options:
          --json        print a JSON array (modelFile, api, version, operationId, method, path, rate, burst, restricted, grantlessScope, deprecated, description,
                        pagination: null or { requestToken, responseToken })
          --api NAME    only operations of this API (e.g. Orders, CatalogItems)
        """;

    public Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        var json = context.Args.Flag("json");
        var api = context.Args.String("api");
        context.Args.ThrowOnUnknown();
        var ops = SpApiOperationCatalog.Instance.All
            .Where(o => api is null || string.Equals(o.Api, api, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        if (api is not null && ops.Length == 0)
        {
            var known = SpApiOperationCatalog.Instance.All.Select(o => o.Api).Distinct().ToArray();
            throw new CliUsageException($"no API named '{api}'.{DidYouMean.Hint(api, known)} Known: {string.Join(", ", known)}.");
        }

        if (json)
        {
            var array = new JArray(ops.Select(o => new JObject
            {
                ["modelFile"] = o.ModelFile,
                ["api"] = o.Api,
                ["version"] = o.Version,
                ["operationId"] = o.OperationId,
                ["method"] = o.Method,
                ["path"] = o.PathTemplate,
                ["rate"] = o.UsagePlan is null ? "unknown" : o.UsagePlan.Rate,
                ["burst"] = o.UsagePlan is null ? "unknown" : o.UsagePlan.Burst,
                ["restricted"] = o.Restricted,
                ["grantlessScope"] = o.GrantlessScope,
                ["deprecated"] = o.Deprecated,
                ["description"] = o.Description,
                ["pagination"] = o.Pagination is { } p
                    ? new JObject { ["requestToken"] = p.RequestToken, ["responseToken"] = p.ResponseToken }
                    : JValue.CreateNull(),
            }));
            context.Out.WriteLine(array.ToString(Formatting.Indented));
            return Task.FromResult(ExitCodes.Ok);
        }

        foreach (var o in ops)
        {
            var plan = o.UsagePlan is null ? "plan unknown" : $"{o.UsagePlan.Rate.ToString(CultureInfo.InvariantCulture)}/s burst {o.UsagePlan.Burst}";
            var flags = (o.Restricted ? " [RDT]" : "") + (o.GrantlessScope is null ? "" : $" [grantless {o.GrantlessScope}]") + (o.Deprecated ? " [deprecated]" : "")
                + (o.Pagination is { } p ? $" [pages: {p}]" : "");
            context.Out.WriteLine($"{o.Namespace,-46} {o.OperationId,-40} {o.Method,-6} {o.PathTemplate}  ({plan}){flags}");
        }
        context.Out.WriteLine($"{ops.Length} operations, {ops.Count(o => o.UsagePlan is not null)} with a documented usage plan, {ops.Count(o => o.Pagination is not null)} paginated.");
        return Task.FromResult(ExitCodes.Ok);
    }
}
