namespace SpApi.Sandbox.Cases;

/// <summary>Where a Swagger 2.0 parameter travels.</summary>
public enum ParameterLocation
{
    /// <summary>In the URL path.</summary>
    Path,
    /// <summary>In the query string.</summary>
    Query,
    /// <summary>In a request header.</summary>
    Header,
    /// <summary>The JSON body.</summary>
    Body,
    /// <summary>A form field.</summary>
    FormData,
}
