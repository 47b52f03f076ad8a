using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Measurement;

/// <summary>
/// A branchy-lenet trained for one epoch on a small synthetic task (a class-specific bright square on noise, faint
/// enough that early exits are unsure on some samples), with its recorded validation and test logits.
/// </summary>
public sealed class TrainedLeNet : IDisposable
{
    public TrainedLeNet()
    {
        // Process-wide; SuiteRunner tests set the same. One thread keeps batch-1 passes fast on a loaded 2-core machine,
        // and the bit-for-bit comparisons never straddle a change of thread count.
        set_num_threads(1);
        var input = new InputSpec(1, 28, 28, 10);
        Train = Make(1024, input, seed: 1);
        Validation = Make(400, input, seed: 2);
        Test = Make(200, input, seed: 3);
        manual_seed(11);
        Model = new BranchyLeNetArchitecture(new BranchyLeNetOptions()).Build(input);
        Trainer.Train(new TrainingJob(Model, Train, new TrainingSpec(1, 32, "adam", 3e-3, 0, 0, null), Seed: 5, CPU, Loggers.Silent, null, null), CancellationToken.None);

        // One batch of 1000, as the pipeline records bundles.
        ValidationLogits = LogitsRecorder.Record(Model, Validation, CPU);
        TestLogits = LogitsRecorder.Record(Model, Test, CPU);
    }

    public MultiExitModule Model { get; }

    public ImageSet Train { get; }

    public ImageSet Validation { get; }

    public ImageSet Test { get; }

    public IReadOnlyList<ClassMatrix> ValidationLogits { get; }

    public IReadOnlyList<ClassMatrix> TestLogits { get; }

    public void Dispose() => Model.Dispose();

    internal static ImageSet Make(int count, InputSpec input, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 784];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var label = random.Next(10);
            labels[i] = label;
            var image = pixels.AsSpan(i * 784, 784);
            for (var p = 0; p < 784; p++)
            {
                image[p] = (byte)random.Next(0, 120);
            }

            // Contrast varies per sample, so some samples are easy and some are hard.
            var bright = random.Next(0, 90);
            var (top, left) = (2 + (label / 4 * 8), 2 + (label % 4 * 6));
            for (var r = top; r < top + 8; r++)
            {
                for (var c = left; c < left + 8; c++)
                {
                    image[(r * 28) + c] = (byte)Math.Min(255, random.Next(0, 120) + bright);
                }
            }
        }

        return new ImageSet(pixels, labels, input);
    }
}
