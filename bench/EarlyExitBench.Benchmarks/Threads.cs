using System.Globalization;
using static TorchSharp.torch;

namespace EarlyExitBench.Benchmarks;

/// <summary>Torch intra-op threads for benchmarks, from <c>EEBENCH_THREADS</c> (BenchmarkDotNet's child processes inherit it).</summary>
internal static class Threads
{
    /// <summary>Sets the thread count when <c>EEBENCH_THREADS</c> is a positive integer; returns the count in use.</summary>
    public static int Apply()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("EEBENCH_THREADS"), NumberStyles.None, CultureInfo.InvariantCulture, out var threads) && threads > 0)
        {
            set_num_threads(threads);
        }

        return get_num_threads();
    }
}
