using System.Diagnostics.CodeAnalysis;
using Newtonsoft.Json;
using SpApi.Runtime.Json;

namespace SpApi.Runtime;

/// <summary>
/// Base class of every generated client. Generated methods call <see cref="PrepareSpApiRequest"/>
/// just before sending, which stamps the operation (and any ambient <see cref="SpApiCall"/> options)
/// onto the request so the pipeline handlers know what they are sending.
/// </summary>
public abstract class SpApiClientBase
{
    /// <summary>Called by the generated code (from the BeforeSend template) for every request.</summary>
    protected static void PrepareSpApiRequest(HttpRequestMessage request, OperationMetadata operation)
    {
        request.Options.Set(SpApiRequestOptions.Operation, operation);
        if (SpApiCall.Current is { } ambient)
        {
            ambient.ApplyTo(request);
            request.Options.Set(SpApiRequestOptions.AmbientCallOptions, ambient);
        }
    }

    /// <summary>
    /// Called by the generated code for operations that answer with JSON, once the send has started: the first call of
    /// each response type in a process starts, on a background thread, what Json.NET's first read of that type would do
    /// (resolving its contracts, compiling the reader's code), so that it overlaps the wait for the answer. Later calls
    /// read one flag. Never throws. Off with the AppContext switch <c>SpApi.DisableResponseReaderWarmup</c>.
    /// </summary>
    [RequiresUnreferencedCode(SpApiJson.TrimmingNote)]
    protected static void WarmResponseReader<TResponse>(JsonSerializerSettings settings) => ResponseReaderWarmup.Start<TResponse>(settings);

    /// <summary>The shared <see cref="HttpMethod"/> instance for a method name (no allocation per call).</summary>
    protected static HttpMethod SpApiHttpMethod(string method) => method switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "DELETE" => HttpMethod.Delete,
        "PATCH" => HttpMethod.Patch,
        "HEAD" => HttpMethod.Head,
        _ => new HttpMethod(method),
    };
}
