using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EarlyExitBench.Harness.Planning;

/// <summary>Short content hashes: two things get the same key exactly when everything that determines them is equal.</summary>
public static class ContentKey
{
    /// <summary>Format of keyed artefacts; bump to invalidate every cached model, bundle and cell result.</summary>
    private const int Format = 1;

    /// <summary>A 24-hex-digit SHA-256 prefix of <paramref name="identity"/> serialised as JSON.</summary>
    public static string Of(object identity)
    {
        var json = JsonSerializer.Serialize(new { format = Format, identity });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..24];
    }
}
