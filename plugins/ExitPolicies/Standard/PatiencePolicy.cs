using System.Globalization;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.ExitPolicies.Standard;

/// <summary>
/// <c>patience</c>: PABEE-style stopping (Zhou et al. 2020). With patience P a sample stops at the first
/// exit k ≥ P (zero-based) whose prediction equals those of exits k−P, …, k−1, i.e. the prediction has
/// been the same at P + 1 consecutive exits; the last exit always accepts. If all exits agree, the
/// sample stops at exit P (the (P+1)-th exit); P = 0 stops everything at exit 0. Uses test predictions
/// only; no fitting.
/// </summary>
public sealed class PatiencePolicy : IExitPolicy
{
    private readonly int[] _values;

    /// <summary>Creates the policy.</summary>
    /// <param name="options">Patience values to evaluate.</param>
    public PatiencePolicy(PatiencePolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Values);
        if (options.Values.Length == 0 || options.Values.Any(v => v < 0))
        {
            throw new ArgumentException("values must be a non-empty list of integers ≥ 0.", nameof(options));
        }

        _values = [.. options.Values];
    }

    /// <inheritdoc />
    public IReadOnlyList<ExitAssignment> Assign(ExitPolicyInput input, CancellationToken cancellationToken)
    {
        var exits = PolicyInputCheck.Exits(input);
        var predictions = PolicyInputCheck.Arrays(input.TestPredictions);
        return _values
            .Select(patience => new ExitAssignment(
                string.Create(CultureInfo.InvariantCulture, $"patience={patience}"),
                Stop(predictions, exits, patience)))
            .ToList();
    }

    /// <summary>Exit of each sample under patience <paramref name="patience"/>.</summary>
    internal static int[] Stop(IReadOnlyList<int[]> predictions, int exits, int patience)
    {
        var samples = predictions[0].Length;
        var result = new int[samples];
        for (var i = 0; i < samples; i++)
        {
            var (k, streak) = (0, 1); // streak: consecutive exits ending at k with exit k's prediction
            while (k < exits - 1 && streak <= patience)
            {
                k++;
                streak = predictions[k][i] == predictions[k - 1][i] ? streak + 1 : 1;
            }

            result[i] = k;
        }

        return result;
    }
}
