using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Harness.Cli;

namespace EarlyExitBench.Tests.Support;

/// <summary>A small two-exit logits bundle evaluated with <c>eebench evaluate</c>: a real leaderboard in a few seconds.</summary>
internal static class ToyBundle
{
    /// <summary>Test samples in the bundle.</summary>
    public const int TestSamples = 300;

    /// <summary>Writes the bundle into a new folder, evaluates it there and returns the folder.</summary>
    public static string Evaluate(params string[] extraArguments) => EvaluateWith("identity,temperature,isotonic", "msp,margin", extraArguments);

    /// <summary>As <see cref="Evaluate"/>, with the given <c>--calibrators</c> and <c>--failure-predictors</c>.</summary>
    public static string EvaluateWith(string calibrators, string predictors, params string[] extraArguments)
    {
        var dir = TestPaths.TempDirectory();
        var path = Write(dir);
        var code = Commands.Run(["evaluate", "--bundle", path, "--calibrators", calibrators, "--failure-predictors", predictors, "--out", dir, "--bootstrap", "50", .. extraArguments], new StringWriter());
        Assert.Equal(ExitCodes.Ok, code);
        return dir;
    }

    /// <summary>Writes the bundle as <c>toy.npz</c> in <paramref name="dir"/> and returns its path.</summary>
    public static string Write(string dir)
    {
        var random = new Random(4);
        ClassMatrix Logits(int n, int[] labels, double signal) => new(
            Enumerable.Range(0, n * 4).Select(i => (float)((random.NextDouble() * 2) + (i % 4 == labels[i / 4] ? signal : 0))).ToArray(), n, 4);
        var val = Enumerable.Range(0, 300).Select(_ => random.Next(4)).ToArray();
        var test = Enumerable.Range(0, TestSamples).Select(_ => random.Next(4)).ToArray();
        var bundle = new LogitsBundle([Logits(300, val, 0.5), Logits(300, val, 1.5)], val, [Logits(TestSamples, test, 0.5), Logits(TestSamples, test, 1.5)], test, [1.0, 3.0], "toy", "two-exit");
        var path = Path.Combine(dir, "toy.npz");
        BundleFile.Write(path, bundle);
        return path;
    }
}
