using SpApi.Auth.Resilience;

namespace SpApi.Auth.Tests.Resilience.Support;

/// <summary>Chains handlers outermost first onto a terminal handler, like the real pipeline builder does.</summary>
internal static class HandlerChain
{
    public static HttpMessageInvoker Of(HttpMessageHandler terminal, params DelegatingHandler[] outermostFirst) =>
        HandlerChains.Link(terminal, outermostFirst);

    /// <summary>The handlers of a built pipeline, outermost first, down to the transport.</summary>
    public static List<HttpMessageHandler> From(HttpMessageHandler outermost)
    {
        var chain = new List<HttpMessageHandler>();
        for (HttpMessageHandler? h = outermost; h is not null; h = (h as DelegatingHandler)?.InnerHandler) chain.Add(h);
        return chain;
    }
}
