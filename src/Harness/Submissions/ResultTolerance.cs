using System.Globalization;
using System.Text.Json;

namespace EarlyExitBench.Harness.Submissions;

/// <summary>
/// How close a GPU re-run must come: GPU kernels do not sum in a fixed order, so a cell trained on a GPU is reproduced
/// only up to rounding. Keys, strings, booleans, integers (counts, exits, seeds, FLOPs) and array lengths must be equal;
/// every other number within <see cref="Absolute"/> + <see cref="Relative"/>·|expected|. On a CPU nothing is tolerated:
/// the result's SHA-256 must be equal.
/// </summary>
public static class ResultTolerance
{
    /// <summary>Absolute part of the tolerance of a non-integer number (metrics live on a 0–1 scale: 0.1 point).</summary>
    public const double Absolute = 1e-3;

    /// <summary>Relative part (costs, NLL and temperatures are not bounded).</summary>
    public const double Relative = 1e-3;

    /// <summary>The first place where <paramref name="got"/> is farther from <paramref name="expected"/> than allowed; null when within.</summary>
    public static string? FirstDifference(string expected, string got)
    {
        using var a = JsonDocument.Parse(expected);
        using var b = JsonDocument.Parse(got);
        return Compare(a.RootElement, b.RootElement, "$");
    }

    private static string? Compare(JsonElement a, JsonElement b, string path)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return $"{path}: {a.ValueKind} vs {b.ValueKind}";
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var names = a.EnumerateObject().Select(p => p.Name).ToList();
                if (!names.SequenceEqual(b.EnumerateObject().Select(p => p.Name)))
                {
                    return $"{path}: different keys";
                }

                return names.Select(n => Compare(a.GetProperty(n), b.GetProperty(n), path + "." + n)).FirstOrDefault(d => d is not null);
            case JsonValueKind.Array:
                if (a.GetArrayLength() != b.GetArrayLength())
                {
                    return $"{path}: {a.GetArrayLength()} vs {b.GetArrayLength()} items";
                }

                return a.EnumerateArray().Zip(b.EnumerateArray()).Select((p, i) => Compare(p.First, p.Second, $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case JsonValueKind.Number when a.TryGetInt64(out var x) && b.TryGetInt64(out var y):
                return x == y ? null : $"{path}: {x} vs {y}";
            case JsonValueKind.Number:
                var (e, g) = (a.GetDouble(), b.GetDouble());
                return Math.Abs(e - g) <= Absolute + (Relative * Math.Abs(e)) ? null : string.Create(CultureInfo.InvariantCulture, $"{path}: {e} vs {g}");
            default:
                return a.GetRawText() == b.GetRawText() ? null : $"{path}: {a.GetRawText()} vs {b.GetRawText()}";
        }
    }
}
