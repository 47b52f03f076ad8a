using System.Text.Json.Nodes;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

/// <summary>
/// The calibrator cases of the contract tests, from the registry: every registered calibrator with default options, plus
/// the option variants below for the aliases that are registered. A new calibrator with defaults needs no edit here.
/// </summary>
internal static class CalibratorCases
{
    // Options worth a case of their own: the name of the case, the alias, and the options as a suite writes them.
    private static readonly (string Case, string Alias, string Options)[] Variants =
    [
        ("platt_max_logit", "platt", """{ "input": "max_logit" }"""),
    ];

    /// <summary>Every case: each registered alias (default options), then the variants of registered aliases.</summary>
    public static IReadOnlyList<string> All => Where(_ => true);

    /// <summary>The cases whose calibrator is registered with <paramref name="flag"/> set.</summary>
    public static IReadOnlyList<string> Where(Func<PluginInfo, bool> flag)
    {
        var aliases = ShippedRegistry.Aliases(PluginKind.Calibrator, flag);
        return [.. aliases, .. Variants.Where(v => aliases.Contains(v.Alias)).Select(v => v.Case)];
    }

    /// <summary>The cases as xUnit theory data.</summary>
    public static TheoryData<string> Data(Func<PluginInfo, bool> flag) => new(Where(flag));

    /// <summary>A new calibrator of the case: its registration's factory, with the case's options bound as a suite binds them.</summary>
    public static ICalibrator Create(string name)
    {
        var variant = Variants.FirstOrDefault(v => v.Case == name);
        return variant.Case is null
            ? ShippedRegistry.Create<ICalibrator>(PluginKind.Calibrator, name)
            : ShippedRegistry.Create<ICalibrator>(PluginKind.Calibrator, variant.Alias, JsonNode.Parse(variant.Options)!.AsObject());
    }

    /// <summary>Overconfident 10-class logits (true temperature 2).</summary>
    public static (ClassMatrix Logits, int[] Labels) Overconfident(int samples, int seed)
    {
        var (u, labels) = Synthetic.Calibrated(samples, 10, 1.5, seed);
        return (Synthetic.Observe(u, 10, row => row.Select(v => 2 * v).ToArray()), labels);
    }

    /// <summary>Rows at the edge of float range: saturated, tied, all equal, alternating.</summary>
    public static ClassMatrix Extreme(int seed)
    {
        const double big = 1e4;
        var rows = new List<double[]>
        {
            new[] { big, -big, 0, 0, 0, 0, 0, 0, 0, 0 },
            Enumerable.Repeat(-big, 10).ToArray(),
            Enumerable.Repeat(big, 10).ToArray(),
            Enumerable.Repeat(0.0, 10).ToArray(),
            new[] { big, big, -big, -big, -big, -big, -big, -big, -big, -big },
            Enumerable.Range(0, 10).Select(c => c % 2 == 0 ? big : -big).ToArray(),
            Enumerable.Range(0, 10).Select(c => c == 9 ? big : 0.0).ToArray(),
            Enumerable.Range(0, 10).Select(c => c == 3 ? -big + 1 : -big).ToArray(),
        };
        var random = new Random(seed);
        for (var i = 0; i < 20; i++)
        {
            rows.Add(Enumerable.Range(0, 10).Select(_ => (random.NextDouble() * 2 * big) - big).ToArray());
        }

        return Synthetic.Matrix([.. rows]);
    }
}
