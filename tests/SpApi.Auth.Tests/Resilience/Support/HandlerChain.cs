namespace SpApi.Auth.Tests.Resilience.Support;

/// <summary>Chains handlers outermost first onto a terminal handler, like the real pipeline builder does.</summary>
internal static class HandlerChain
{
    public static HttpMessageInvoker Of(HttpMessageHandler terminal, params DelegatingHandler[] outermostFirst)
    {
        var inner = terminal;
        for (var i = outermostFirst.Length - 1; i >= 0; i--)
        {
            outermostFirst[i].InnerHandler = inner;
            inner = outermostFirst[i];
        }
        return new HttpMessageInvoker(inner);
    }
}
