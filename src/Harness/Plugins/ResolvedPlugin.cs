using System.Collections.Concurrent;
using System.Security.Cryptography;
using EarlyExitBench.Contracts;
using Serilog;

namespace EarlyExitBench.Harness.Plugins;

/// <summary>A suite's plugin entry with bound options, ready to instantiate per cell.</summary>
/// <param name="Label">Name in the leaderboard: the alias, plus options when given.</param>
/// <param name="Registration">The registry entry.</param>
/// <param name="Options">Bound options object.</param>
public sealed record ResolvedPlugin(string Label, PluginRegistration Registration, object Options)
{
    private static readonly ConcurrentDictionary<string, Lazy<string>> Hashes = new(StringComparer.Ordinal);

    /// <summary>The bound options as compact snake_case JSON, as they enter cache keys and the leaderboard.</summary>
    public string OptionsJson => System.Text.Json.JsonSerializer.Serialize(Options, Options.GetType(), CompactJson);

    /// <summary>SHA-256 of the assembly that implements the plugin: editing a plugin's code changes every key it enters.</summary>
    public string AssemblySha256 => Sha256Of(File.Exists(Registration.AssemblyPath) ? Registration.AssemblyPath : typeof(ResolvedPlugin).Assembly.Location);

    /// <summary>What identifies this plugin's behaviour in a content key: alias, options and build.</summary>
    public object Identity => new { alias = Registration.Alias, options = OptionsJson, assembly = Registration.Assembly, build = AssemblySha256 };

    /// <summary>Creates the implementation for one cell.</summary>
    public T Create<T>(ILogger logger, string cell, int seed)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(logger);
        var context = new PluginContext(logger.ForContext("Plugin", Label).ForContext("Cell", cell).ForContext("Seed", seed), Registration.Alias, seed);
        return (T)Registration.Factory(Options, context);
    }

    /// <summary>SHA-256 (lower-case hex) of a file, computed once per path and process.</summary>
    public static string Sha256Of(string path) => HashOf(path).Value;

    /// <summary>
    /// Starts hashing <paramref name="path"/> on the thread pool, so that a large file (a logits bundle of hundreds of MB,
    /// whose hash goes into the provenance) is hashed on a spare core while the caller loads plugins; a later
    /// <see cref="Sha256Of"/> waits for it or finds it done.
    /// </summary>
    public static void PrefetchSha256(string path)
    {
        var hash = HashOf(path);
        ThreadPool.QueueUserWorkItem(static h => _ = h.Value, hash, preferLocal: false);
    }

    private static Lazy<string> HashOf(string path) => Hashes.GetOrAdd(path, static p => new Lazy<string>(() => Hash(p)));

    // Streamed: the file is never held in memory whole.
    private static string Hash(string path)
    {
        if (!File.Exists(path))
        {
            return "missing";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static readonly System.Text.Json.JsonSerializerOptions CompactJson = new() { PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower };
}
