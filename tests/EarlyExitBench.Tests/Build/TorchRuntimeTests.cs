using EarlyExitBench.Harness.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Build;

public class TorchRuntimeTests
{
    [Fact]
    public void CudaWithoutCudaIsAClearEnvironmentError()
    {
        if (cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, TorchRuntime.Resolve("cuda").type);
            return;
        }

        var ex = Assert.Throws<EnvironmentException>(() => TorchRuntime.Resolve("cuda"));
        Assert.Contains("CUDA is not available", ex.Message, StringComparison.Ordinal);
        Assert.Contains("device: cpu", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AutoFallsBackToTheCpu()
    {
        var expected = cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU;
        Assert.Equal(expected, TorchRuntime.Resolve("auto").type);
        Assert.Equal(DeviceType.CPU, TorchRuntime.Resolve("cpu").type);
    }
}
