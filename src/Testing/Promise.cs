using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>The kit's shared steps: plugin calls whose exceptions become violations, and the comparisons the promises need.</summary>
internal static class Promise
{
    /// <summary>Runs a plugin call; an exception it throws becomes a <see cref="ContractViolation"/> naming the call.</summary>
    public static T Call<T>(string who, string call, Func<T> body)
    {
        try
        {
            return body();
        }
        catch (Exception exception) when (exception is not ContractViolation)
        {
            throw new ContractViolation($"{who}: {call} threw {exception.GetType().Name}: {exception.Message}", exception);
        }
    }

    /// <summary>Fails with <paramref name="who"/>, <paramref name="call"/> and the problem when there is one.</summary>
    public static void Holds(string who, string call, string? problem)
    {
        if (problem is not null)
        {
            throw new ContractViolation($"{who}: {call} {problem}");
        }
    }

    /// <summary>Fails unless the plugin left <paramref name="input"/> as it was.</summary>
    public static void Unchanged(string who, string call, ClassMatrix input, float[] before)
    {
        if (!input.Values.SequenceEqual(before))
        {
            throw new ContractViolation($"{who}: {call} wrote into its input logits; inputs are read-only (the host hands the same ones to every method)");
        }
    }

    /// <summary>
    /// Whether ordering samples by <paramref name="after"/> agrees with ordering them by <paramref name="before"/>: Kendall
    /// τ_b = 1, i.e. equal values stay equal and every strict order is kept. Returns the first pair that breaks it.
    /// </summary>
    public static (int First, int Second)? OrderBreak(double[] before, double[] after)
    {
        var order = Enumerable.Range(0, before.Length).OrderBy(i => before[i]).ThenBy(i => after[i]).ToArray();
        for (var j = 1; j < order.Length; j++)
        {
            var (a, b) = (order[j - 1], order[j]);
            var broken = before[a] == before[b] ? after[a] != after[b] : after[a] >= after[b];
            if (broken)
            {
                return (a, b);
            }
        }

        return null;
    }

    /// <summary>The largest probability of each row.</summary>
    public static double[] MaxPerRow(ClassMatrix probabilities)
    {
        var result = new double[probabilities.Rows];
        for (var i = 0; i < result.Length; i++)
        {
            var max = float.NegativeInfinity;
            foreach (var p in probabilities.Row(i))
            {
                max = Math.Max(max, p);
            }

            result[i] = max;
        }

        return result;
    }

    /// <summary>Labels moved to another class: a fit that does not read labels must not notice.</summary>
    public static int[] OtherLabels(int[] labels, int classes) => [.. labels.Select(l => (l + 1) % classes)];
}
