namespace EarlyExitBench.Harness.Training;

/// <summary>
/// Content-addressed cache of trained models, their logits bundles and in-progress training, keyed by a cell's model
/// key. Entries carry a SHA-256 sidecar checked on read; one lock per key lets runs share the cache safely.
/// </summary>
public sealed class ModelCache(string root)
{
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

    /// <summary>Path of the trained model for <paramref name="key"/>.</summary>
    public string Checkpoint(string key) => Path.Combine(Root, "models", key + ".pt");

    /// <summary>Path of the logits bundle for <paramref name="key"/>.</summary>
    public string Bundle(string key) => Path.Combine(Root, "bundles", key + ".npz");

    /// <summary>Folder of the end-of-epoch checkpoints of an unfinished training run.</summary>
    public string TrainingState(string key) => Path.Combine(Root, "training", key);

    /// <summary>Lock file guarding every entry of <paramref name="key"/>.</summary>
    public string Lock(string key) => Path.Combine(Root, "locks", key + ".lock");
}
