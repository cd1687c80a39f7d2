namespace SpApi.Auth.Endpoints;

/// <summary>An SP-API selling region; each has its own endpoint host.</summary>
public enum SpApiRegion
{
    /// <summary>North America (CA, US, MX, BR): <c>sellingpartnerapi-na.amazon.com</c>.</summary>
    NorthAmerica,

    /// <summary>Europe, Middle East, Africa and India: <c>sellingpartnerapi-eu.amazon.com</c>.</summary>
    Europe,

    /// <summary>Far East (SG, AU, JP): <c>sellingpartnerapi-fe.amazon.com</c>.</summary>
    FarEast,
}
