using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EarlyExitBench.Harness.Cells;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Storage;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using Spectre.Console;

namespace EarlyExitBench.Harness.Cli;

/// <summary><c>eebench plan SUITE</c>: the cells, their keys, what is already done or cached, and a cost estimate.</summary>
internal static class PlanCommand
{
    /// <summary>Rough sustained GFLOP/s of training on the 2-core CPU the default suite is timed on; only for the estimate.</summary>
    private const double CpuGflopPerSecond = 8;

    public static Command Create(CliIO io)
    {
        var suiteArgument = new Argument<string>("suite") { Description = "Suite YAML file" };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON" };
        var cacheDir = CliSupport.CacheOption();
        var outDir = new Option<string?>("--out") { Description = "Results folder to check for finished cells (default: <suite output>/<suite name>)" };
        var shards = new Option<int?>("--shards") { Description = "Also show which of N shards runs each cell" };
        var command = new Command("plan", "List the suite's cells with their keys, state and estimated cost") { suiteArgument, json, cacheDir, outDir, shards };
        command.SetAction(parse => CliSupport.Guarded(parse, io, null, logger =>
        {
            var (suite, catalog) = CliSupport.LoadSuite(parse, parse.GetValue(suiteArgument)!, logger);
            var plan = PlanBuilder.FromSuite(suite, catalog, logger, CancellationToken.None);
            var store = new CellStore(parse.GetValue(outDir) ?? Path.Combine(suite.Output, suite.Name));
            var cache = new ModelCache(parse.GetValue(cacheDir) ?? ModelCache.DefaultRoot());
            var count = parse.GetValue(shards) ?? 1;
            var shardOf = Enumerable.Range(1, Math.Max(count, 1))
                .SelectMany(i => new Shard(i, count).Select(plan.Cells).Select(c => (c.Key, Shard: i)))
                .ToDictionary(p => p.Key, p => p.Shard, StringComparer.Ordinal);
            var rows = plan.Cells.Select(c => new PlannedCell(c.Index + 1, c.Key, c.ModelKey, c.Dataset, c.Architecture, c.Recipe, c.Seed, State(c, store, cache), Math.Round(c.EstimatedGflop, 1), shardOf[c.Key])).ToList();
            if (parse.GetValue(json))
            {
                io.Out.WriteLine(JsonSerializer.Serialize(new { plan = plan.Manifest.Id, suite = suite.SourcePath, cells = rows }, Json.Options));
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("#", "key", "dataset", "architecture", "recipe", "seed", "state", "est. GFLOP");
            if (count > 1)
            {
                table.AddColumn("shard");
            }

            foreach (var r in rows)
            {
                string[] cells = [r.Index.ToString(CultureInfo.InvariantCulture), r.Key, r.Dataset, r.Architecture, r.Recipe, r.Seed.ToString(CultureInfo.InvariantCulture), r.State, r.EstimatedGflop.ToString("N0", CultureInfo.InvariantCulture)];
                table.AddRow((count > 1 ? [.. cells, r.Shard.ToString(CultureInfo.InvariantCulture)] : cells).Select(Markup.Escape).ToArray());
            }

            CliSupport.Render(io.Out, table);
            var left = rows.Where(r => r.State != "done").Sum(r => r.EstimatedGflop);
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"plan {plan.Manifest.Id}: {rows.Count} cell(s), {rows.Count(r => r.State == "done")} done; about {left:N0} GFLOP left (roughly {left / CpuGflopPerSecond / 60:F1} min on a 2-core CPU)"));
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>done, bundle cached, model cached, training (epoch N saved), or to do.</summary>
    private static string State(Cell cell, CellStore store, ModelCache cache)
    {
        if (File.Exists(store.ResultPath(cell.Key)))
        {
            try
            {
                CellStore.Read(store.ResultPath(cell.Key), cell.Key);
                return "done";
            }
            catch (InvalidDataException)
            {
                // A corrupt result is recomputed; say what else is there.
            }
        }

        if (AtomicFile.IsIntact(cache.Bundle(cell.ModelKey), out _))
        {
            return "bundle cached";
        }

        if (AtomicFile.IsIntact(cache.Checkpoint(cell.ModelKey), out _))
        {
            return "model cached";
        }

        var state = Path.Combine(cache.TrainingState(cell.ModelKey), "state.json");
        if (File.Exists(state))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(state));
            return $"training (epoch {document.RootElement.GetProperty("Epoch").GetInt32()} saved)";
        }

        return "to do";
    }

    private sealed record PlannedCell(int Index, string Key, string ModelKey, string Dataset, string Architecture, string Recipe, int Seed, string State, double EstimatedGflop, int Shard);
}
