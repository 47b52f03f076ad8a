using System.Security.Cryptography;

namespace EarlyExitBench.Harness.Storage;

/// <summary>
/// Files that are either whole or absent: written to a temporary name and renamed over the target, so a run killed at
/// any moment never leaves a half-written file; optionally with a <c>.sha256</c> sidecar checked on read.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of the checksum sidecar.</summary>
    public const string ChecksumSuffix = ".sha256";

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, which fills the temporary file it is given.</summary>
    public static void Write(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically.</summary>
    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, temp => File.WriteAllBytes(temp, bytes));

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM) to <paramref name="path"/> atomically.</summary>
    public static void WriteAllText(string path, string text) => Write(path, temp => File.WriteAllText(temp, text));

    /// <summary>
    /// Writes <paramref name="path"/> atomically, then its SHA-256 sidecar. A crash between the two leaves a file without
    /// a sidecar, which <see cref="IsIntact"/> treats as not there.
    /// </summary>
    public static void WriteWithChecksum(string path, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        string hash = string.Empty;
        Write(path, temp =>
        {
            write(temp);
            hash = Sha256(temp);
        });
        WriteAllText(path + ChecksumSuffix, hash + "\n");
    }

    /// <summary>
    /// Whether <paramref name="path"/> exists with a sidecar whose hash matches its bytes. <paramref name="problem"/> says
    /// why not when the file is there but cannot be trusted (null when it is simply absent).
    /// </summary>
    public static bool IsIntact(string path, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        problem = null;
        if (!File.Exists(path))
        {
            return false;
        }

        var sidecar = path + ChecksumSuffix;
        if (!File.Exists(sidecar))
        {
            problem = "no checksum (written by an interrupted run or an older eebench)";
            return false;
        }

        var expected = File.ReadAllText(sidecar).Trim();
        var actual = Sha256(path);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            problem = $"checksum mismatch (expected {expected[..Math.Min(12, expected.Length)]}…, file has {actual[..12]}…; truncated or corrupt)";
            return false;
        }

        return true;
    }

    /// <summary>Deletes <paramref name="path"/> and its sidecar, if present.</summary>
    public static void Remove(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.Delete(path);
        File.Delete(path + ChecksumSuffix);
    }

    /// <summary>SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
