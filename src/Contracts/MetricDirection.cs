namespace EarlyExitBench.Contracts;

/// <summary>Which values of a metric are better.</summary>
public enum MetricDirection
{
    /// <summary>Higher is better (AUROC, accuracy).</summary>
    HigherIsBetter,

    /// <summary>Lower is better (ECE, AURC).</summary>
    LowerIsBetter,
}
