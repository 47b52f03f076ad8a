using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Training;

/// <summary>Loads libtorch once, with an explanation when it cannot, and resolves the suite's device.</summary>
public static class TorchRuntime
{
    /// <summary>Fails with <see cref="EnvironmentException"/> if libtorch cannot be loaded, saying why and what to do.</summary>
    public static void EnsureLoaded()
    {
        try
        {
            using var probe = zeros(1);
        }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or NotSupportedException or BadImageFormatException or EntryPointNotFoundException)
        {
            var detail = Innermost(ex).Message;
            var hint = detail.Contains("GLIBCXX", StringComparison.Ordinal)
                ? "The system libstdc++ is older than the one libLibTorchSharp.so was built with. Build with ./eebench or dotnet build: the build patches its copy of libLibTorchSharp.so (see build/PatchLibTorchSharp.cs); if you copied the binaries elsewhere, copy the patched runtimes/ folder too, or install libstdc++ from GCC 13."
                : "Check that runtimes/linux-x64/native/ beside eebench.dll holds libtorch (TorchSharp-cpu restores it) and that `ldd libLibTorchSharp.so` finds every library.";
            throw new EnvironmentException($"libtorch failed to load: {detail}. {hint}", ex);
        }
    }

    /// <summary>Resolves <c>cpu</c>, <c>cuda</c> or <c>auto</c> to a device, with a clear error when CUDA is asked for and absent.</summary>
    public static Device Resolve(string device)
    {
        EnsureLoaded();
        var cudaAvailable = cuda.is_available();
        return device switch
        {
            "cpu" => CPU,
            "auto" => cudaAvailable ? CUDA : CPU,
            "cuda" when cudaAvailable => CUDA,
            "cuda" => throw new EnvironmentException(
                "device: cuda was requested but CUDA is not available: this build references TorchSharp-cpu (no CUDA kernels), or no GPU/driver is visible. "
                + "Build with -p:EEBenchTorchPackage=TorchSharp-cuda-linux on a machine with that package, or use device: cpu / auto."),
            _ => throw new ArgumentOutOfRangeException(nameof(device), device, "expected cpu, cuda or auto"),
        };
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}

/// <summary>The machine cannot run what was asked (libtorch missing, no CUDA); exit code 3.</summary>
public sealed class EnvironmentException(string message, Exception? inner = null) : Exception(message, inner);
