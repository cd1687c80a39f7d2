using System.Collections.Concurrent;

namespace SpApi.Auth.Sellers;

/// <summary>Thread-safe in-memory <see cref="ISellerRegistry"/>.</summary>
public sealed class SellerRegistry : ISellerRegistry
{
    private readonly ConcurrentDictionary<string, SellerContext> _sellers = new(StringComparer.Ordinal);

    /// <summary>A registry holding <paramref name="sellers"/>; <paramref name="defaultSeller"/> serves calls that name none.</summary>
    public SellerRegistry(IEnumerable<SellerContext> sellers, string? defaultSeller = null)
    {
        foreach (var seller in sellers) Set(seller);
        DefaultSeller = defaultSeller;
    }

    /// <inheritdoc/>
    public string? DefaultSeller { get; }

    /// <inheritdoc/>
    public IReadOnlyCollection<string> Names => _sellers.Keys.ToArray();

    /// <inheritdoc/>
    public SellerContext Get(string name) => TryGet(name, out var seller) ? seller : throw new UnknownSellerException(name);

    /// <inheritdoc/>
    public bool TryGet(string name, out SellerContext seller)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _sellers.TryGetValue(name, out seller!);
    }

    /// <inheritdoc/>
    public void Set(SellerContext seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        _sellers[seller.Name] = seller;
    }

    /// <inheritdoc/>
    public bool Remove(string name) => _sellers.TryRemove(name, out _);
}
