using BenchmarkDotNet.Attributes;
using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Measurement;
using static TorchSharp.torch;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// Cumulative forward latency of branchy-lenet (channels 16/32/64, head grid 4, Fashion-MNIST shape) to each exit:
/// blocks and heads 0..k on one batch, eval mode, no gradients, one dispose scope per call as the harness does.
/// Torch threads: <c>EEBENCH_THREADS</c> if set, else libtorch's default. Runs in process (see <see cref="InProcessShortRunConfig"/>).
/// </summary>
[Config(typeof(InProcessShortRunConfig))]
public class ForwardBenchmarks
{
    private MultiExitModule _model = null!;
    private Tensor _input = null!;

    /// <summary>Samples per batch.</summary>
    [Params(1, 64)]
    public int BatchSize { get; set; }

    /// <summary>One-based exit to run up to.</summary>
    [Params(1, 2, 3)]
    public int Exit { get; set; }

    /// <summary>Builds the model and one random batch.</summary>
    [GlobalSetup]
    public void Setup()
    {
        Threads.Apply();
        manual_seed(1);
        _model = new BranchyLeNetModule(new InputSpec(1, 28, 28, 10), [16, 32, 64], 4);
        _model.eval();
        _input = randn(BatchSize, 1, 28, 28);
    }

    /// <summary>Frees the model and the batch.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _input.Dispose();
        _model.Dispose();
    }

    /// <summary>Blocks and heads 0..Exit−1.</summary>
    [Benchmark]
    public void ForwardToExit()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var features = _input;
        for (var k = 0; k < Exit; k++)
        {
            features = _model.ForwardBlock(k, features);
            _model.ForwardHead(k, features);
        }

        RepeatTimer.Synchronize(_input.device);
    }
}
