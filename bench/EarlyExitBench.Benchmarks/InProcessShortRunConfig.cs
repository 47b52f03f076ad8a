using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// <c>[ShortRunJob]</c>'s job, run inside the benchmark host. BenchmarkDotNet's generated child project does not get the
/// libLibTorchSharp.so that our build patches for older system libstdc++ (TorchSharp then falls back to an unpatched copy
/// from the NuGet cache and fails to load), while the host process already has the patched one loaded.
/// </summary>
public sealed class InProcessShortRunConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public InProcessShortRunConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
    }
}
