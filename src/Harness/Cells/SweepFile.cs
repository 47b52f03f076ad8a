using System.Runtime.InteropServices;
using System.Text;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Evaluation;
using EarlyExitBench.Harness.Methods;

namespace EarlyExitBench.Harness.Cells;

/// <summary>
/// The optional <c>--full-sweeps</c> side file of a cell, <c>cells/KEY.sweeps.npz</c>: every operating point of every
/// method, where the leaderboard keeps only the thinned Pareto front. Arrays: <c>methods</c> (one
/// "calibrator|failure predictor|exit policy|seed" label per method) and, for method i (3 digits),
/// <c>m{i}_threshold</c>, <c>m{i}_accuracy</c>, <c>m{i}_mean_cost</c>, <c>m{i}_relative_cost</c> (float64).
/// </summary>
public static class SweepFile
{
    /// <summary>Writes the sweeps of <paramref name="methods"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<MethodResult> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var labels = methods.Select(m => $"{m.Calibrator}|{m.FailurePredictor}|{m.ExitPolicy}|{m.Seed}").ToList();
        var arrays = new List<(string, NpyArray)> { ("methods", Strings(labels)) };
        for (var i = 0; i < methods.Count; i++)
        {
            var sweep = methods[i].Evaluation.Sweep;
            arrays.Add(($"m{i:000}_threshold", Doubles(sweep, p => p.Threshold)));
            arrays.Add(($"m{i:000}_accuracy", Doubles(sweep, p => p.Accuracy)));
            arrays.Add(($"m{i:000}_mean_cost", Doubles(sweep, p => p.MeanCost)));
            arrays.Add(($"m{i:000}_relative_cost", Doubles(sweep, p => p.RelativeCost)));
        }

        Npz.Write(path, arrays);
    }

    private static NpyArray Doubles(IReadOnlyList<OperatingPoint> points, Func<OperatingPoint, double> read)
    {
        var values = points.Select(read).ToArray();
        return new NpyArray("<f8", [values.Length], MemoryMarshal.AsBytes(values.AsSpan()).ToArray());
    }

    private static NpyArray Strings(IReadOnlyList<string> values)
    {
        var width = Math.Max(1, values.Select(v => v.Length).DefaultIfEmpty(1).Max());
        var data = new byte[values.Count * width * 4];
        for (var i = 0; i < values.Count; i++)
        {
            Encoding.UTF32.GetBytes(values[i]).CopyTo(data, i * width * 4);
        }

        return new NpyArray($"<U{width}", [values.Count], data);
    }
}
