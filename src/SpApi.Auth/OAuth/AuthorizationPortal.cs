namespace SpApi.Auth.OAuth;

/// <summary>Where a partner authorizes the app: sellers in Seller Central, vendors in Vendor Central.</summary>
public enum AuthorizationPortal
{
    /// <summary>Seller Central, for sellers.</summary>
    SellerCentral,
    /// <summary>Vendor Central, for vendors.</summary>
    VendorCentral,
}
