using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;

namespace SpApi.Samples.WebApp;

/// <summary>
/// Keeps each seller's refresh token encrypted at rest with ASP.NET Core Data Protection: one file per selling
/// partner id holding only the protected form. A real app would use its database; the protection is the same.
/// </summary>
public sealed partial class SellerTokenStore(IDataProtectionProvider protection, string directory)
{
    // A purpose string isolates these payloads from every other use of the key ring.
    private readonly IDataProtector _protector = protection.CreateProtector("SpApi.Samples.WebApp.RefreshTokens.v1");

    public async Task SaveAsync(string sellingPartnerId, string refreshToken, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(PathOf(sellingPartnerId), _protector.Protect(refreshToken), cancellationToken);
    }

    /// <summary>The refresh token, or null when this seller never connected (or the key ring was lost).</summary>
    public async Task<string?> LoadAsync(string sellingPartnerId, CancellationToken cancellationToken)
    {
        var path = PathOf(sellingPartnerId);
        if (!File.Exists(path)) return null;
        try
        {
            return _protector.Unprotect(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // written with a key this app no longer has: the seller must connect again
        }
    }

    // Selling partner ids are upper-case letters and digits; anything else never becomes a file name.
    private string PathOf(string sellingPartnerId) =>
        SellerIdPattern().IsMatch(sellingPartnerId)
            ? Path.Combine(directory, sellingPartnerId + ".token")
            : throw new ArgumentException("Not a selling partner id.", nameof(sellingPartnerId));

    [GeneratedRegex("^[A-Z0-9]{1,40}$")]
    private static partial Regex SellerIdPattern();
}
