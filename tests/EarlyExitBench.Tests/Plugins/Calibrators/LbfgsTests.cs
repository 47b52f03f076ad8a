using EarlyExitBench.Calibrators.Standard;

namespace EarlyExitBench.Tests.Plugins.Calibrators;

/// <summary>
/// The calibrators' L-BFGS on functions whose minimum is known in closed form, with iteration budgets that a working
/// curvature memory meets and steepest descent (what a broken two-loop recursion degrades to) does not.
/// </summary>
public class LbfgsTests
{
    // Rosenbrock (1 − x)² + 100 (y − x²)²: minimum 0 at (1, 1), reached from the classic start (−1.2, 1) by curving along
    // a narrow valley, where steepest descent needs thousands of steps.
    private static double Rosenbrock(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var (a, b) = (1 - x[0], x[1] - (x[0] * x[0]));
        gradient[0] = (-2 * a) - (400 * x[0] * b);
        gradient[1] = 200 * b;
        return (a * a) + (100 * b * b);
    }

    // ½ Σ_i i·(x_i − 1)² for i = 1..50: minimum 0 at x = 1, condition number 50.
    private static double Quadratic(ReadOnlySpan<double> x, Span<double> gradient)
    {
        var value = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = x[i] - 1;
            value += 0.5 * (i + 1) * d * d;
            gradient[i] = (i + 1) * d;
        }

        return value;
    }

    [Fact]
    public void SolvesRosenbrockWithinAHundredIterations()
    {
        double[] x = [-1.2, 1];
        var f = Lbfgs.Minimize(Rosenbrock, x, 100, 1e-9, CancellationToken.None); // 45 iterations here
        Assert.Equal(1, x[0], 1e-6);
        Assert.Equal(1, x[1], 1e-6);
        Assert.InRange(f, 0, 1e-12);
    }

    [Fact]
    public void SolvesAnIllConditionedQuadraticWithinSixtyIterations()
    {
        // Steepest descent needs about κ·ln(1/ε) ≈ 50·14 = 700 steps here; this L-BFGS takes 48.
        var x = new double[50];
        var f = Lbfgs.Minimize(Quadratic, x, 60, 1e-9, CancellationToken.None);
        Assert.All(x, v => Assert.Equal(1, v, 1e-6));
        Assert.InRange(f, 0, 1e-10);
    }

    [Fact]
    public void ReturnsTheObjectiveAtTheReturnedPointAndNeverRises()
    {
        var evaluated = new List<double>();
        double[] x = [-1.2, 1];
        var f = Lbfgs.Minimize(
            (p, g) =>
            {
                var value = Rosenbrock(p, g);
                evaluated.Add(value);
                return value;
            },
            x,
            7,
            1e-9,
            CancellationToken.None);

        Assert.Equal(Rosenbrock(x, new double[2]), f);
        Assert.True(f < evaluated[0], "seven iterations lower the objective");
    }

    [Fact]
    public void StopsAtOnceWhereTheGradientIsWithinTolerance()
    {
        var calls = 0;
        double[] x = [1, 1];
        var f = Lbfgs.Minimize(
            (p, g) =>
            {
                calls++;
                return Rosenbrock(p, g);
            },
            x,
            100,
            1e-9,
            CancellationToken.None);
        Assert.Equal(1, calls);
        Assert.Equal(0, f);
        Assert.Equal([1.0, 1.0], x);
    }

    [Fact]
    public void ACancelledTokenStopsTheSearch()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => Lbfgs.Minimize(Rosenbrock, [-1.2, 1], 100, 1e-9, cancelled.Token));
    }
}
