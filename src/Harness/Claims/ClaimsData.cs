using System.Text.Json;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Claims;

/// <summary>
/// The part of a leaderboard the claims read: groups, their ranked entries with per-seed scores and proxies, and the
/// proxy correlations. A file is read by <see cref="LeaderboardReader"/>, as <c>report</c> and <c>compare</c> read it; a
/// file and an in-memory document then go through the same path.
/// </summary>
/// <param name="Source">Where the leaderboard came from, for messages.</param>
/// <param name="Groups">Its groups in leaderboard order.</param>
public sealed record ClaimsData(string Source, IReadOnlyList<GroupData> Groups)
{
    /// <summary>The leaderboard's <c>metrics</c> section: each metric's direction and whether it is a proxy.</summary>
    public IReadOnlyList<MetricSummary> Metrics { get; init; } = [];

    /// <summary>The plugins the run used (provenance), with the calibrators' promises (keeps argmax, keeps sample order) where recorded.</summary>
    public IReadOnlyList<PluginProvenance> Plugins { get; init; } = [];

    /// <summary>Reads a leaderboard file with the one published-format reader and checks it has what the claims need.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a leaderboard in the published format (see <see cref="LeaderboardReader"/>), or without per-seed proxies.</exception>
    public static ClaimsData Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return From(LeaderboardReader.Read(path), path);
    }

    /// <summary>The claims' view of a leaderboard built in memory.</summary>
    public static ClaimsData From(LeaderboardDocument document, string source)
    {
        ArgumentNullException.ThrowIfNull(document);
        return FromJson(JsonSerializer.SerializeToElement(document, Json.Options), source) with { Metrics = document.Metrics, Plugins = document.Provenance?.Plugins ?? [] };
    }

    private static ClaimsData FromJson(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("schema_version", out var version) || version.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidDataException($"{source}: not a leaderboard (no schema_version)");
        }

        if (version.GetInt32() != LeaderboardDocument.CurrentSchemaVersion)
        {
            throw new InvalidDataException($"{source}: schema_version {version.GetInt32()}; this eebench reads version {LeaderboardDocument.CurrentSchemaVersion}");
        }

        if (!root.TryGetProperty("groups", out var groupsElement) || groupsElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{source}: no 'groups' array");
        }

        List<GroupData> groups;
        try
        {
            groups = groupsElement.Deserialize<List<GroupData>>(Json.Options) ?? [];
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: groups{ex.Path?.TrimStart('$')}: {ex.Message}", ex);
        }

        for (var g = 0; g < groups.Count; g++)
        {
            Check(groups[g], $"{source}: groups[{g}]");
        }

        return new ClaimsData(source, groups);
    }

    private static void Check(GroupData? group, string where)
    {
        if (group is null || group.Dataset is null || group.Architecture is null || group.Recipe is null || group.Entries is null)
        {
            throw new InvalidDataException($"{where}: needs dataset, architecture, recipe and entries");
        }

        for (var e = 0; e < group.Entries.Count; e++)
        {
            var entry = group.Entries[e];
            var at = $"{where}.entries[{e}]";
            if (entry is null || entry.Calibrator is null || entry.FailurePredictor is null || entry.ExitPolicy is null || entry.Efficiency is null || entry.PerSeed is null || entry.PerSeed.Count == 0)
            {
                throw new InvalidDataException($"{at}: needs calibrator, failure_predictor, exit_policy, efficiency and per_seed");
            }

            if (entry.PerSeed.Any(s => s is null || s.Proxies is null))
            {
                throw new InvalidDataException(
                    $"{at} ({entry.Method}): per_seed has no 'proxies'; this leaderboard was written before they were added. " +
                    "Rebuild it from its cell results: rerun 'eebench run SUITE' (finished cells are skipped) or 'eebench merge FOLDER'");
            }
        }
    }
}
