using SpApi.Runtime;

namespace SpApi.Auth.Tests.Resilience.Support;

/// <summary>
/// One client call written the way NSwag's generated methods are: stamp the operation, send, and on an
/// unexpected status collect the response and content headers and throw <see cref="SpApiException"/>
/// with (message, status, responseText, headers, inner).
/// </summary>
internal static class HandWrittenOrdersClient
{
    public static async Task<string> GetOrdersAsync(HttpMessageInvoker http, OperationMetadata operation, string? seller, CancellationToken cancellationToken)
    {
        using var request = TestOperations.Request(operation, seller);
        // What the auth stage adds; it must never surface in errors or logs.
        request.Headers.TryAddWithoutValidation("x-amz-access-token", "Atza|SECRET-ACCESS-TOKEN");
        using var response = await http.SendAsync(request, cancellationToken);

        var headers = new Dictionary<string, IEnumerable<string>>();
        foreach (var item in response.Headers) headers[item.Key] = item.Value;
        foreach (var item in response.Content.Headers) headers[item.Key] = item.Value;

        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (status == 200) return text;
        throw new SpApiException($"The HTTP status code of the response was not expected ({status}).", status, text, headers, null);
    }
}
