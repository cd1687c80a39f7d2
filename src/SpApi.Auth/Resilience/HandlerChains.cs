namespace SpApi.Auth.Resilience;

/// <summary>Links delegating handlers, outermost first, onto a terminal handler (for the benchmark and tests).</summary>
internal static class HandlerChains
{
    public static HttpMessageInvoker Link(HttpMessageHandler terminal, params DelegatingHandler[] outermostFirst)
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
