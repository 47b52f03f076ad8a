namespace EarlyExitBench.Harness.Planning;

/// <summary>
/// The unit of work: one (dataset, architecture, recipe, seed), or one logits bundle. Its result is a pure function
/// of its <see cref="Key"/>, so it is computed once, stored as <c>cells/KEY.json</c> and reused by reruns, shards and merges.
/// </summary>
/// <param name="Index">Position in the plan; leaderboards list groups, seeds and failures in this order.</param>
/// <param name="Key">Content key of the cell's result: the model key plus every method, setting and build that evaluates it.</param>
/// <param name="ModelKey">Content key of the trained model and its logits bundle (the cache key).</param>
/// <param name="Dataset">Dataset label.</param>
/// <param name="Architecture">Architecture label.</param>
/// <param name="ArchitectureOptions">The architecture's bound options as JSON.</param>
/// <param name="Recipe">Training recipe label.</param>
/// <param name="Seed">Seed of the split, the initialisation and the shuffling.</param>
/// <param name="BundleFile">For a bring-your-own-logits cell, the bundle it evaluates; otherwise null.</param>
/// <param name="EstimatedGflop">Rough work in GFLOP (training, recording, evaluation), for balancing shards.</param>
public sealed record Cell(
    int Index,
    string Key,
    string ModelKey,
    string Dataset,
    string Architecture,
    string ArchitectureOptions,
    string Recipe,
    int Seed,
    string? BundleFile,
    double EstimatedGflop)
{
    /// <summary>How logs, failures and timings name the cell.</summary>
    public string Name => BundleFile is not null ? $"{Dataset}/{Architecture}/bundle"
        : Recipe == DefaultRecipe ? $"{Dataset}/{Architecture}/seed {Seed}"
        : $"{Dataset}/{Architecture}/{Recipe}/seed {Seed}";

    /// <summary>The name of a suite's only recipe when it does not name it.</summary>
    public const string DefaultRecipe = "default";

    /// <summary>The recipe of a bring-your-own-logits cell: nothing was trained here.</summary>
    public const string BundleRecipe = "bundle";

    /// <summary>The recipe of a cell whose architecture loads imported weights: nothing is trained.</summary>
    public const string PretrainedRecipe = "pretrained";

    /// <summary>For an architecture with imported weights, the file they are loaded from (its SHA-256 is in <see cref="ModelKey"/>); otherwise null.</summary>
    public string? WeightsFile { get; init; }

    /// <summary>Cells with the same group key are ranked together: one leaderboard group per (dataset, architecture, recipe).</summary>
    public (string Dataset, string Architecture, string Recipe) Group => (Dataset, Architecture, Recipe);
}
