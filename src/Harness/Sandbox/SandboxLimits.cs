using System.Globalization;

namespace EarlyExitBench.Harness.Sandbox;

/// <summary>What one sandboxed child may use before it is stopped.</summary>
/// <param name="CpuSeconds">CPU time of each process (RLIMIT_CPU: SIGXCPU, then SIGKILL a second later).</param>
/// <param name="MemoryBytes">Memory of the whole sandbox (the memory cgroup; the .NET heap limit where no cgroup can be made).</param>
/// <param name="Processes">Processes and threads of the whole sandbox (the pids cgroup; RLIMIT_NPROC where no cgroup can be made).</param>
/// <param name="OutputBytes">Bytes of one written file (RLIMIT_FSIZE) and of stdout plus stderr.</param>
/// <param name="WallSeconds">Wall-clock time, for a child that sleeps instead of spinning.</param>
public sealed record SandboxLimits(int CpuSeconds, long MemoryBytes, int Processes, long OutputBytes, int WallSeconds)
{
    /// <summary>Enough to train and evaluate a cell of the shipped suites on a CPU (the default suite's cell takes about a minute).</summary>
    public static SandboxLimits Default { get; } = new(3600, 6L << 30, 512, 1L << 30, 7200);

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{CpuSeconds} s CPU, {MemoryBytes >> 20} MB memory, {Processes} processes/threads, {OutputBytes >> 20} MB output, {WallSeconds} s wall clock");
}
