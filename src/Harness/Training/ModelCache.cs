using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace EarlyExitBench.Harness.Training;

/// <summary>Content-addressed cache of checkpoints and logits bundles.</summary>
public sealed class ModelCache(string root)
{
    /// <summary>Format of cached artefacts; bump to invalidate every cache entry.</summary>
    private const int Format = 1;

    /// <summary>The default root: <c>EEBENCH_CACHE</c>, else <c>$XDG_CACHE_HOME/eebench</c>, else <c>~/.cache/eebench</c>.</summary>
    public static string DefaultRoot()
    {
        var env = Environment.GetEnvironmentVariable("EEBENCH_CACHE");
        if (!string.IsNullOrWhiteSpace(env))
        {
            return env;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".cache") : xdg, "eebench");
    }

    /// <summary>Root folder.</summary>
    public string Root { get; } = root;

    /// <summary>A short hash of everything that determines a trained model (and its logits).</summary>
    public static string Key(object identity)
    {
        var json = JsonSerializer.Serialize(new { format = Format, identity });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..24];
    }

    /// <summary>Path of the checkpoint for <paramref name="key"/>.</summary>
    public string Checkpoint(string key) => Path.Combine(Root, "models", key + ".pt");

    /// <summary>Path of the logits bundle for <paramref name="key"/>.</summary>
    public string Bundle(string key) => Path.Combine(Root, "bundles", key + ".npz");
}
