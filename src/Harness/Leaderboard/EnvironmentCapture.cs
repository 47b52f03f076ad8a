using System.Runtime.InteropServices;
using EarlyExitBench.Harness.Results;

namespace EarlyExitBench.Harness.Leaderboard;

/// <summary>Builds the <c>environment</c> section from the machine this process runs on.</summary>
public static class EnvironmentCapture
{
    /// <summary>This machine, the device and threads used, when the run started and its command line.</summary>
    public static EnvironmentInfo Current(string device, int torchThreads, DateTimeOffset started, string commandLine) => new(
        Environment.MachineName,
        RuntimeInformation.OSDescription,
        Environment.ProcessorCount,
        RuntimeInformation.FrameworkDescription,
        typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "?",
        device,
        torchThreads,
        started.ToString("O"),
        commandLine);
}
