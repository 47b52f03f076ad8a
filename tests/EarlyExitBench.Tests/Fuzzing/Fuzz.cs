using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Fuzzing;

/// <summary>
/// Runs a fuzz target over mutated inputs: <c>EEBENCH_FUZZ_ITERATIONS</c> per reader (300 by default, so the normal
/// test run stays fast; the long run sets 10000). Prints the count and the time, for the README's figures.
/// </summary>
internal static class Fuzz
{
    public const string Category = "Fuzz";

    public static long Iterations { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("EEBENCH_FUZZ_ITERATIONS"), out var n) && n > 0 ? n : 300;

    /// <summary>Runs <paramref name="target"/> (true: the input was read, false: rejected the documented way; anything else throws).</summary>
    public static void Run<T>(string reader, Gen<T> gen, Func<T, bool> target, Func<T, string> print, ITestOutputHelper output)
    {
        var accepted = 0L;
        var watch = Stopwatch.StartNew();
        gen.Sample(input =>
        {
            if (target(input))
            {
                Interlocked.Increment(ref accepted);
            }
        }, writeLine: output.WriteLine, iter: Iterations, print: print);
        output.WriteLine($"fuzz {reader}: {Iterations} mutated inputs in {watch.Elapsed.TotalSeconds:F1} s ({accepted} read, {Iterations - accepted} rejected with the documented error)");
    }

    /// <summary>A fresh file name per input: CsCheck runs inputs on several threads at once.</summary>
    public static string TempFile(string directory, string extension) => Path.Combine(directory, Guid.NewGuid().ToString("N") + extension);
}
