using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using SpApi.Sandbox.Faults;

namespace SpApi.Sandbox.Http;

/// <summary>
/// <c>/_sandbox/faults</c>: lets an application under test script faults of a sandbox it does not host.
/// <c>POST</c> with <c>{"fault": "getOrders:503:3"}</c> adds one, <c>DELETE</c> clears all, <c>GET</c> tells how many are pending.
/// </summary>
internal sealed class FaultsEndpoint(SandboxFaultInjector faults)
{
    public const string Path = "/_sandbox/faults";

    public async Task HandleAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsPost(method))
        {
            using var reader = new StreamReader(context.Request.Body);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            string? problem;
            try
            {
                var spec = JObject.Parse(text).Value<string>("fault");
                if (spec is null) problem = $"Send {{\"fault\": \"{SandboxFaultSpec.Syntax}\"}}.";
                else
                {
                    faults.Add(SandboxFaultSpec.Parse(spec));
                    problem = null;
                }
            }
            catch (Exception e) when (e is FormatException or Newtonsoft.Json.JsonException)
            {
                problem = e.Message;
            }
            if (problem is not null)
            {
                await SpApiResponses.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "InvalidInput", "Invalid fault.", problem);
                return;
            }
            await WritePendingAsync(context, StatusCodes.Status201Created);
        }
        else if (HttpMethods.IsDelete(method))
        {
            faults.Clear();
            await WritePendingAsync(context, StatusCodes.Status200OK);
        }
        else if (HttpMethods.IsGet(method))
        {
            await WritePendingAsync(context, StatusCodes.Status200OK);
        }
        else
        {
            await SpApiResponses.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "Use GET, POST or DELETE.", Path);
        }
    }

    private Task WritePendingAsync(HttpContext context, int status) =>
        SpApiResponses.WriteJsonAsync(context, status, new JObject { ["pending"] = faults.Pending });
}
