namespace EarlyExitBench.Contracts;

/// <summary>The logistic function and its log-loss pieces, in forms that neither overflow nor lose the small tail.</summary>
public static class Logistic
{
    /// <summary>σ(η) = 1 / (1 + e^(−η)), evaluated on the side where the exponential cannot overflow.</summary>
    /// <param name="eta">The linear predictor η.</param>
    /// <returns>A value in [0, 1].</returns>
    public static double Sigmoid(double eta) => eta >= 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));

    /// <summary>
    /// softplus(η) = log(1 + e^η) = −log(1 − σ(η)), so the log-loss of a target t is softplus(η) − t·η; exact for large
    /// |η| where the naive form overflows or rounds to 0.
    /// </summary>
    /// <param name="eta">The linear predictor η.</param>
    /// <returns>log(1 + e^η) ≥ 0.</returns>
    public static double Softplus(double eta) => eta > 0 ? eta + Log1P(Math.Exp(-eta)) : Log1P(Math.Exp(eta));

    // log(1 + x) for x ≥ 0 to full precision when x is tiny (.NET's double.LogP1 is log(1 + x) and returns 0 below 1e-16):
    // with u = 1 + x rounded, log(u)·x/(u − 1) cancels the rounding of u (Goldberg 1991, theorem 4).
    private static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }
}
