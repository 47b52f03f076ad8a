using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Measurement;
using EarlyExitBench.Tests.Support;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Training;

/// <summary>Training recipes: losses, schedules and augmentation against hand-worked values; resume and early stopping.</summary>
public class RecipeTests
{
    private static readonly TrainingSpec Plain = new(4, 32, "adam", 0.1, 0.9, 0, null);

    [Fact]
    public void LinearWarmupThenCosineMatchesTheClosedForm()
    {
        // 4 epochs of 10 steps, 1 epoch of warm-up: steps 0..9 ramp 0.01..0.1; then 0.05·(1 + cos(π·t/30)), t = step − 10.
        var recipe = Plain with { Schedule = "cosine", WarmupEpochs = 1 };

        Assert.Equal(0.01, LearningRate.At(recipe, 0, 10), 12);
        Assert.Equal(0.1, LearningRate.At(recipe, 9, 10), 12);
        Assert.Equal(0.1, LearningRate.At(recipe, 10, 10), 12);
        Assert.Equal(0.05, LearningRate.At(recipe, 25, 10), 12);                      // t = 15 of 30: cos(π/2) = 0
        Assert.Equal(0.05 * (1 + Math.Cos(Math.PI * 29 / 30)), LearningRate.At(recipe, 39, 10), 12);
    }

    [Fact]
    public void StepScheduleMultipliesByGammaEveryStepEpochs()
    {
        var recipe = Plain with { Schedule = "step", StepEpochs = 2, StepGamma = 0.5 };

        Assert.Equal([0.1, 0.1, 0.05, 0.05], Enumerable.Range(0, 4).Select(e => LearningRate.At(recipe, (e * 10) + 3, 10)));
        Assert.Equal(0.1, LearningRate.At(Plain, 37, 10), 12);
    }

    [Fact]
    public void LabelSmoothingAndFocalLossMatchTheirDefinitions()
    {
        // Logits (2, 0, −1), label 0: p = softmax = (e², 1, e⁻¹)/Z.
        double[] z = [2, 0, -1];
        var zsum = z.Sum(Math.Exp);
        var logp = z.Select(v => v - Math.Log(zsum)).ToArray();
        using var logits = tensor(z.Select(v => (float)v).ToArray(), [1, 3]);
        using var label = tensor(new long[] { 0 });

        var smoothed = ((1 - 0.1) * -logp[0]) + (0.1 * -logp.Average());
        Assert.Equal(smoothed, TrainingLoss.CrossEntropy(logits, label, 0.1).item<float>(), 5);
        Assert.Equal(-logp[0], TrainingLoss.CrossEntropy(logits, label, 0).item<float>(), 5);
        var focal = -Math.Pow(1 - Math.Exp(logp[0]), 2) * logp[0];
        Assert.Equal(focal, TrainingLoss.Focal(logits, label, 2).item<float>(), 5);
        Assert.Equal(-logp[0], TrainingLoss.Focal(logits, label, 0).item<float>(), 5);
    }

    [Fact]
    public void CropFlipShiftsWithZeroPaddingAndMirrors()
    {
        // One 1×3×3 image 1..9; find a draw that flips and shifts, and check it pixel by pixel.
        var image = new ImageSet([1, 2, 3, 4, 5, 6, 7, 8, 9], [0], new InputSpec(1, 3, 3, 2));
        for (var seed = 0; seed < 200; seed++)
        {
            var probe = new Random(seed);
            var (dy, dx, flip) = (probe.Next(-4, 5), probe.Next(-4, 5), probe.Next(2) == 1);
            var expected = new byte[9];
            for (var y = 0; y < 3; y++)
            {
                for (var x = 0; x < 3; x++)
                {
                    var (sy, sx) = (y + dy, (flip ? 2 - x : x) + dx);
                    expected[(y * 3) + x] = sy is >= 0 and < 3 && sx is >= 0 and < 3 ? image.Pixels[(sy * 3) + sx] : (byte)0;
                }
            }

            Assert.Equal(expected, Augmentation.CropFlip(image, [0], new Random(seed)).Pixels);
        }
    }

    [Fact]
    public void AResumedTrainingEndsWithTheWeightsOfAnUninterruptedOne()
    {
        set_num_threads(1);
        var input = new InputSpec(1, 28, 28, 10);
        var train = TrainedLeNet.Make(256, input, seed: 1);
        var validation = TrainedLeNet.Make(64, input, seed: 2);
        var recipe = new TrainingSpec(3, 32, "sgd", 0.05, 0.9, 1e-4, null) { Schedule = "cosine", WarmupEpochs = 0.5, Augment = "crop-flip", LabelSmoothing = 0.1, EarlyStoppingPatience = 5 };

        var whole = TrainWeights(recipe, train, validation, null, stopAfterBatches: null);
        var dir = TestPaths.TempDirectory();
        var checkpoints = new TrainingCheckpoints(dir, Loggers.Silent);
        Assert.Throws<OperationCanceledException>(() => TrainWeights(recipe, train, validation, checkpoints, stopAfterBatches: 8 + 3));
        Assert.True(File.Exists(Path.Combine(dir, "state.json")));
        var resumed = TrainWeights(recipe, train, validation, checkpoints, stopAfterBatches: null);

        Assert.Equal(whole.Keys, resumed.Keys);
        Assert.All(whole, p => Assert.Equal(p.Value, resumed[p.Key]));
    }

    [Fact]
    public void EarlyStoppingStopsAfterPatienceAndKeepsTheBestEpoch()
    {
        set_num_threads(1);
        var input = new InputSpec(1, 28, 28, 10);
        var train = TrainedLeNet.Make(128, input, seed: 1);

        // A validation set with shuffled labels: its loss only gets worse as the model learns, so epoch 1 stays best.
        var noise = TrainedLeNet.Make(64, input, seed: 2);
        var validation = noise with { Labels = noise.Labels.Select(l => (l + 3) % 10).ToArray() };
        var recipe = new TrainingSpec(12, 16, "adam", 3e-3, 0, 0, null) { EarlyStoppingPatience = 2 };
        manual_seed(3);
        using var model = new BranchyLeNetArchitecture(new BranchyLeNetOptions()).Build(input);
        var messages = new List<string>();
        var logger = new Serilog.LoggerConfiguration().WriteTo.Sink(new Collect(messages)).CreateLogger();

        var summaries = Trainer.Train(new TrainingJob(model, train, recipe, 3, CPU, logger, null, null) { Validation = validation }, CancellationToken.None);

        // The validation loss logged each epoch; the best is the first minimum, and training ran exactly `patience` more.
        var losses = messages.Where(m => m.StartsWith("Epoch ", StringComparison.Ordinal) && m.Contains("validation loss", StringComparison.Ordinal))
            .Select(m => double.Parse(m.Split("validation loss ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var best = losses.IndexOf(losses.Min()) + 1;
        Assert.Equal(losses.Count, summaries.Count);
        Assert.True(summaries.Count < 12, $"ran all 12 epochs: {string.Join(", ", losses)}");
        Assert.Equal(best + 2, summaries.Count);
        Assert.Contains(messages, m => m.Contains($"keeping epoch {best}", StringComparison.Ordinal));
    }

    private sealed class Collect(List<string> messages) : Serilog.Core.ILogEventSink
    {
        public void Emit(Serilog.Events.LogEvent logEvent) => messages.Add(logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, float[]> TrainWeights(TrainingSpec recipe, ImageSet train, ImageSet validation, TrainingCheckpoints? checkpoints, int? stopAfterBatches)
    {
        manual_seed(21);
        using var model = new BranchyLeNetArchitecture(new BranchyLeNetOptions { Channels = [4, 8], HeadGrid = 2 }).Build(train.Input);
        using var cancel = new CancellationTokenSource();
        var batches = 0;
        Trainer.Train(
            new TrainingJob(model, train, recipe, 7, CPU, Loggers.Silent, _ =>
            {
                if (++batches == stopAfterBatches)
                {
                    cancel.Cancel();
                }
            }, checkpoints) { Validation = validation },
            cancel.Token);
        return model.state_dict().ToDictionary(p => p.Key, p => p.Value.data<float>().ToArray());
    }
}
