namespace EarlyExitBench.ExitPolicies.Standard;

/// <summary>Suite options of the <c>budget</c> exit policy.</summary>
public sealed class BudgetPolicyOptions
{
    /// <summary>Target mean costs as fractions of the last exit's cost; one operating point each.</summary>
    public double[] Budgets { get; set; } = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
}
