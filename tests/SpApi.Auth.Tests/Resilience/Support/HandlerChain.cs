using SpApi.Auth.Resilience;

namespace SpApi.Auth.Tests.Resilience.Support;

/// <summary>Chains handlers outermost first onto a terminal handler, like the real pipeline builder does.</summary>
internal static class HandlerChain
{
    public static HttpMessageInvoker Of(HttpMessageHandler terminal, params DelegatingHandler[] outermostFirst) =>
        HandlerChains.Link(terminal, outermostFirst);
}
