using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SpApi.Auth.Tokens;

namespace SpApi.Auth.Redis;

/// <summary>
/// Encrypts tokens for Redis with AES-256-GCM under the application's key. The Redis key is bound in as associated
/// data, so a value copied under another key does not decrypt. Layout: version 1 | nonce 12 | tag 16 | ciphertext
/// of (expiry as Unix ms, 8 bytes big-endian | token UTF-8).
/// </summary>
internal sealed class TokenProtector(byte[] key)
{
    private const byte Version = 1;
    private const int NonceSize = 12, TagSize = 16, Header = 1 + NonceSize + TagSize;

    public byte[] Protect(string redisKey, CachedToken token)
    {
        var plain = new byte[8 + Encoding.UTF8.GetByteCount(token.Value)];
        BinaryPrimitives.WriteInt64BigEndian(plain, token.ExpiresAt.ToUnixTimeMilliseconds());
        Encoding.UTF8.GetBytes(token.Value, plain.AsSpan(8));
        var output = new byte[Header + plain.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(Header), output.AsSpan(1 + NonceSize, TagSize), Encoding.UTF8.GetBytes(redisKey));
        CryptographicOperations.ZeroMemory(plain);
        return output;
    }

    /// <summary>The token, or null for anything that is not one of ours under this key (foreign, damaged, other key).</summary>
    public CachedToken? Unprotect(string redisKey, byte[] data)
    {
        if (data.Length <= Header + 8 || data[0] != Version) return null;
        var plain = new byte[data.Length - Header];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(data.AsSpan(1, NonceSize), data.AsSpan(Header), data.AsSpan(1 + NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(redisKey));
            var expires = BinaryPrimitives.ReadInt64BigEndian(plain);
            if (expires is < 0 or > 253402300799999) return null;
            var value = Encoding.UTF8.GetString(plain.AsSpan(8));
            return value.Length == 0 ? null : new CachedToken(value, DateTimeOffset.FromUnixTimeMilliseconds(expires));
        }
        catch (CryptographicException)
        {
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
