namespace SpApi.Auth.Sellers;

/// <summary>The seller contexts known to the process: those configured plus those added at run time.</summary>
public interface ISellerRegistry
{
    /// <summary>The seller used when a request names none (null when none is configured).</summary>
    string? DefaultSeller { get; }

    /// <summary>The names of all known sellers.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>The context of <paramref name="name"/>; throws <see cref="UnknownSellerException"/> when unknown.</summary>
    SellerContext Get(string name);

    /// <summary>The context of <paramref name="name"/>, if registered.</summary>
    bool TryGet(string name, out SellerContext seller);

    /// <summary>Adds a seller or replaces its context (e.g. after the partner re-authorized the app).</summary>
    void Set(SellerContext seller);

    /// <summary>Removes a seller; false when it was not registered.</summary>
    bool Remove(string name);
}
