namespace EarlyExitBench.FailurePredictors.Standard;

/// <summary>
/// One exit's learner for <c>learned</c> and <c>exit-aware</c>: features standardised with the validation mean and
/// standard deviation, then an L2-regularised <see cref="LogisticRegression"/>. Standardising first makes one penalty
/// mean the same for features on very different scales (a 0/1 agreement flag, a max logit of 20).
/// </summary>
internal sealed class StandardisedLogistic
{
    private StandardisedLogistic(double[] mean, double[] deviation, LogisticRegression model)
    {
        Mean = mean;
        Deviation = deviation;
        Model = model;
    }

    public IReadOnlyList<double> Mean { get; }

    public IReadOnlyList<double> Deviation { get; }

    public LogisticRegression Model { get; }

    /// <summary>Fits on raw (unstandardised) feature rows; the rows are standardised in place.</summary>
    public static StandardisedLogistic Fit(double[][] features, bool[] targets, int count, double l2, CancellationToken cancellationToken)
    {
        var (mean, deviation) = Moments(features, count);
        Standardise(features, mean, deviation);
        return new StandardisedLogistic(mean, deviation, LogisticRegression.Fit(features, targets, l2, cancellationToken));
    }

    /// <summary>Log-odds of every raw feature row; the rows are standardised in place.</summary>
    public double[] LogOdds(double[][] features)
    {
        Standardise(features, Mean, Deviation);
        return features.Select(row => Model.LogOdds(row)).ToArray();
    }

    private static (double[] Mean, double[] Deviation) Moments(double[][] rows, int count)
    {
        var mean = new double[count];
        var deviation = new double[count];
        foreach (var row in rows)
        {
            for (var j = 0; j < count; j++)
            {
                mean[j] += row[j];
            }
        }

        for (var j = 0; j < count; j++)
        {
            mean[j] /= Math.Max(1, rows.Length);
        }

        foreach (var row in rows)
        {
            for (var j = 0; j < count; j++)
            {
                deviation[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }

        for (var j = 0; j < count; j++)
        {
            var sd = Math.Sqrt(deviation[j] / Math.Max(1, rows.Length));
            deviation[j] = sd > 1e-12 ? sd : 1.0; // a constant feature stays constant (0) instead of dividing by 0
        }

        return (mean, deviation);
    }

    private static void Standardise(double[][] rows, IReadOnlyList<double> mean, IReadOnlyList<double> deviation)
    {
        foreach (var row in rows)
        {
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = (row[j] - mean[j]) / deviation[j];
            }
        }
    }
}
