using EarlyExitBench.Contracts;

namespace EarlyExitBench.ExitPolicies.Standard;

/// <summary>Shape checks shared by the policies.</summary>
internal static class PolicyInputCheck
{
    /// <summary>Throws unless every per-exit list has one entry per exit and one value per sample; returns the exit count.</summary>
    public static int Exits(ExitPolicyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var exits = input.ExitCosts.Length;
        if (exits == 0)
        {
            throw new ArgumentException("No exits.", nameof(input));
        }

        Check(input.ValidationScores.Select(s => s.Length).ToArray(), exits, input.ValidationLabels.Length, "ValidationScores");
        Check(input.ValidationPredictions.Select(s => s.Length).ToArray(), exits, input.ValidationLabels.Length, "ValidationPredictions");
        var testSamples = input.TestScores.Count > 0 ? input.TestScores[0].Length : 0;
        Check(input.TestScores.Select(s => s.Length).ToArray(), exits, testSamples, "TestScores");
        Check(input.TestPredictions.Select(s => s.Length).ToArray(), exits, testSamples, "TestPredictions");
        return exits;
    }

    /// <summary>One array per exit, for the policies' per-sample loops (the input is read-only).</summary>
    public static List<T[]> Arrays<T>(IReadOnlyList<ReadOnlyMemory<T>> perExit) => perExit.Select(m => m.ToArray()).ToList();

    private static void Check(int[] lengths, int exits, int samples, string name)
    {
        if (lengths.Length != exits)
        {
            throw new ArgumentException($"{name} has {lengths.Length} exits; ExitCosts has {exits}.", nameof(ExitPolicyInput));
        }

        for (var k = 0; k < lengths.Length; k++)
        {
            if (lengths[k] != samples)
            {
                throw new ArgumentException($"{name}[{k}] has {lengths[k]} samples, expected {samples}.", nameof(ExitPolicyInput));
            }
        }
    }
}
