namespace SpApi.Sandbox.Cases;

/// <summary>Where a Swagger 2.0 parameter travels.</summary>
public enum ParameterLocation
{
    Path,
    Query,
    Header,
    Body,
    FormData,
}
