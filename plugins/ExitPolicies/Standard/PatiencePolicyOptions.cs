namespace EarlyExitBench.ExitPolicies.Standard;

/// <summary>Suite options of the <c>patience</c> exit policy.</summary>
public sealed class PatiencePolicyOptions
{
    /// <summary>Patience values P (≥ 0); one operating point each.</summary>
    public int[] Values { get; set; } = [1, 2, 3];
}
