using System.Globalization;
using SpApi.Auth.Telemetry;

namespace SpApi.Auth.RateLimiting;

/// <summary>Reads <c>x-amzn-RateLimit-Limit</c>: the seller's current rate for the operation, in requests per second.</summary>
internal static class RateLimitHeader
{
    /// <summary>Rates above this are treated as garbage rather than adopted.</summary>
    public const double MaxPlausibleRate = 100_000;

    /// <summary>Rates below this (one request per hour) are treated as garbage: a hostile or broken
    /// <c>x-amzn-RateLimit-Limit: 1e-7</c> must not park callers for months or overflow a timer.</summary>
    public const double MinPlausibleRate = 1.0 / 3600;

    public static bool TryRead(HttpResponseMessage response, out double rate)
    {
        rate = 0;
        var text = CallLabels.Header(response, CallLabels.RateLimitHeader);
        return text is not null
            && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out rate)
            && double.IsFinite(rate) && rate >= MinPlausibleRate && rate <= MaxPlausibleRate;
    }
}
