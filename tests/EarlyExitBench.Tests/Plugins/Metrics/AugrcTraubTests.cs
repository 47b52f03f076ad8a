using EarlyExitBench.Metrics.Conventions;

namespace EarlyExitBench.Tests.Plugins.Metrics;

public class AugrcTraubTests
{
    [Fact]
    public void MatchesThePublishedFormulaAndTheTrapezoid()
    {
        // hand (ConventionsTests): err = 3/7, acc = 4/7, AUROC = 9/12 (pairs right above wrong: 3 + 2.5 + 2 + 1.5 = 9 of
        // 12, ties ½) → (3/7)(4/7)(1/4) + (3/7)²/2 = 0.15306122448979592. numpy's trapezoid over the generalized risk
        // curve, np.trapz(np.r_[0, g], np.r_[0, coverage]), gives the same 0.15306122448979592.
        Assert.Equal(0.15306122448979592, ConventionsTests.Compute(new AugrcTraub(), [0.9, 0.8, 0.8, 0.6, 0.4, 0.4, 0.2], [true, true, false, true, false, true, false])!.Value, 15);

        // All wrong: the generalized risk equals the coverage, area ½; all right: 0.
        Assert.Equal(0.5, ConventionsTests.Compute(new AugrcTraub(), [0.3, 0.1], [false, false]));
        Assert.Equal(0.0, ConventionsTests.Compute(new AugrcTraub(), [0.3, 0.1], [true, true]));
    }
}
