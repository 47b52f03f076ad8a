using EarlyExitBench.Harness.Pipeline;
using EarlyExitBench.Architectures.ResNetSdn;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Methods;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Suites;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Architectures;

public class ResNetSdnTests
{
    private static MultiExitModule Build(InputSpec input, int[]? widths = null, int blocksPerStage = 1, int headGrid = 2)
        => new ResNetSdnArchitecture(new ResNetSdnOptions { Widths = widths ?? [16, 32, 64], BlocksPerStage = blocksPerStage, HeadGrid = headGrid }).Build(input);

    [Fact]
    public void CostsAndParametersMatchAHandCount()
    {
        using var model = Build(new InputSpec(1, 28, 28, 10));
        var stages = model.Stages;
        Assert.Equal(3, stages.Count);

        // Stem: conv 1→16 3×3 no bias on 28×28: 2·1·9·16·784 = 225,792; BN 2·16·784 = 25,088; ReLU 12,544 → 263,424.
        // Block 1 (16→16, stride 1, 28×28, identity shortcut): conv 2·16·9·16·784 = 3,612,672 twice = 7,225,344;
        //         BN twice 2·25,088 = 50,176; ReLU, residual add, ReLU 3·12,544 = 37,632 → 7,313,152. Backbone 7,576,576.
        // Head 1: adaptive avg-pool 28×28 → 2×2, windows per axis [0,14) [14,28): 28 per axis → 16·28·28 = 12,544;
        //         linear 64→10: (2·64 + 1)·10 = 1,290 → 13,834.
        // Params: stem 1·9·16 + 2·16 = 176; block 2·(16·9·16 + 2·16) = 4,672 → 4,848; head 64·10 + 10 = 650.
        Assert.Equal(new StageCost(7_576_576, 13_834, 4_848, 650), stages[0]);
        // Block 2 (16→32, stride 2, 28×28 → 14×14, projection shortcut): conv1 2·16·9·32·196 = 1,806,336;
        //         conv2 2·32·9·32·196 = 3,612,672; shortcut 1×1 2·16·32·196 = 200,704; three BNs 3·2·32·196 = 37,632;
        //         ReLU, residual add, ReLU 3·6,272 = 18,816 → 5,676,160.
        // Head 2: 14×14 → 2×2 windows [0,7) [7,14): 14 per axis → 32·14·14 = 6,272; linear 128→10: 2,570 → 8,842.
        // Params: 16·9·32 + 32·9·32 + 16·32 = 14,336 weights + 3·2·32 = 192 BN → 14,528; head 128·10 + 10 = 1,290.
        Assert.Equal(new StageCost(5_676_160, 8_842, 14_528, 1_290), stages[1]);
        // Block 3 (32→64, stride 2, 14×14 → 7×7): conv1 2·32·9·64·49 = 1,806,336; conv2 2·64·9·64·49 = 3,612,672;
        //         shortcut 2·32·64·49 = 200,704; BNs 3·2·64·49 = 18,816; ReLU, add, ReLU 3·3,136 = 9,408 → 5,647,936.
        // Head 3: 7×7 → 2×2 windows [0,4) [3,7): 8 per axis → 64·8·8 = 4,096; linear 256→10: 5,130 → 9,226.
        // Params: 32·9·64 + 64·9·64 + 32·64 = 57,344 + 3·2·64 = 384 → 57,728; head 256·10 + 10 = 2,570.
        Assert.Equal(new StageCost(5_647_936, 9_226, 57_728, 2_570), stages[2]);
    }

    [Fact]
    public void ExitCostsAreCumulative()
    {
        using var model = Build(new InputSpec(1, 28, 28, 10));

        var exits = EarlyExitBench.Harness.Bundles.ExitCosts.Of(model);

        Assert.Equal(7_576_576 + 13_834, exits[0].Cost);
        Assert.Equal(7_590_410 + 5_676_160 + 8_842, exits[1].Cost);
        Assert.Equal(13_275_412 + 5_647_936 + 9_226, exits[2].Cost);
        Assert.Equal(4_848 + 650 + 14_528 + 1_290, exits[1].Params); // every head evaluated so far counts
    }

    [Theory]
    [InlineData(1, 28, 28, 10, new[] { 16, 32, 64 }, 1, 2)]
    [InlineData(3, 32, 32, 100, new[] { 16, 32, 64 }, 1, 2)]
    [InlineData(3, 32, 32, 100, new[] { 8, 16, 32, 64 }, 2, 3)]
    [InlineData(1, 28, 28, 10, new[] { 16, 32, 64 }, 2, 1)]
    [InlineData(3, 17, 23, 7, new[] { 12, 12, 20 }, 3, 4)] // odd sizes; a stride-2 stage that keeps its width
    public void AnalyticParametersEqualTheModulesParametersStageByStage(int channels, int height, int width, int classes, int[] widths, int blocksPerStage, int headGrid)
    {
        using var model = Build(new InputSpec(channels, height, width, classes), widths, blocksPerStage, headGrid);
        var parameters = model.named_parameters().ToList();
        long Count(string prefix) => parameters.Where(p => p.name.StartsWith(prefix, StringComparison.Ordinal)).Sum(p => p.parameter.numel());

        Assert.Equal(widths.Length * blocksPerStage, model.Stages.Count);
        Assert.Equal(model.Stages.Sum(s => s.BackboneParameters + s.HeadParameters), model.parameters().Sum(p => p.numel()));
        for (var k = 0; k < model.Stages.Count; k++)
        {
            Assert.Equal(model.Stages[k].BackboneParameters, Count($"blocks.{k}.") + (k == 0 ? Count("stem.") : 0));
            Assert.Equal(model.Stages[k].HeadParameters, Count($"heads.{k}."));
        }
    }

    [Fact]
    public void StateDictKeysFollowPyTorchNaming()
    {
        using var model = Build(new InputSpec(1, 28, 28, 10));
        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("stem.0.weight", keys);
        Assert.Contains("stem.1.running_mean", keys);
        Assert.Contains("blocks.0.conv1.weight", keys);
        Assert.Contains("blocks.0.bn2.bias", keys);
        Assert.DoesNotContain("blocks.0.downsample.0.weight", keys); // 16→16 at stride 1: identity shortcut
        Assert.Contains("blocks.1.downsample.0.weight", keys);
        Assert.Contains("blocks.2.downsample.1.running_var", keys);
        Assert.Contains("heads.2.2.weight", keys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void BlockwiseForwardEqualsTheFullForwardInEvalMode(int blocksPerStage)
    {
        using var model = Build(new InputSpec(3, 32, 32, 100), [8, 16, 32], blocksPerStage);
        using var scope = NewDisposeScope();
        manual_seed(3);
        // A few training-mode passes move the running statistics off their initial 0/1, so eval mode is not trivial.
        model.train();
        for (var i = 0; i < 3; i++)
        {
            model.forward((randn(8, 3, 32, 32) * 2) + 1);
        }

        model.eval();
        var x = randn(5, 3, 32, 32);
        var all = model.forward(x);
        var features = x;
        for (var k = 0; k < model.Stages.Count; k++)
        {
            features = model.ForwardBlock(k, features);
            var logits = model.ForwardHead(k, features);
            Assert.Equal(new long[] { 5, 100 }, logits.shape);
            Assert.True(logits.allclose(all[k], rtol: 1e-6, atol: 1e-6), $"exit {k}");
        }
    }

    public static TheoryData<ResNetSdnOptions> InvalidOptions() =>
    [
        new ResNetSdnOptions { Widths = [] },
        new ResNetSdnOptions { Widths = [16, 0, 64] },
        new ResNetSdnOptions { Widths = [-8] },
        new ResNetSdnOptions { BlocksPerStage = 0 },
        new ResNetSdnOptions { BlocksPerStage = -1 },
        new ResNetSdnOptions { HeadGrid = 0 },
        new ResNetSdnOptions { HeadGrid = -2 },
    ];

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void RejectsInvalidOptions(ResNetSdnOptions options)
    {
        Assert.Throws<ArgumentException>(() => new ResNetSdnArchitecture(options));
    }

    [Fact]
    public void TrainsWithoutNaNAndFitsABatch()
    {
        var input = new InputSpec(1, 28, 28, 10);
        manual_seed(7);
        using var model = Build(input, [8, 16, 32]);
        var random = new Random(1);
        var pixels = new byte[64 * 784];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, 64).Select(i => i % 10).ToArray();
        var data = new ImageSet(pixels, labels, input);

        // The harness's trainer throws on a non-finite loss: two epochs of two Adam steps each.
        var summaries = Trainer.Train(new TrainingJob(model, data, new TrainingSpec(2, 32, "adam", 1e-2, 0, 0, null), Seed: 2, CPU, Loggers.Silent, null, null), CancellationToken.None);
        Assert.All(summaries, s => Assert.True(double.IsFinite(s.Loss)));
        Assert.All(model.parameters(), p => Assert.True(p.isfinite().all().item<bool>()));

        // Six more steps on one fixed batch must lower its joint loss, so gradients reach every exit.
        using var scope = NewDisposeScope();
        var (x, y) = Batches.Make(data, Enumerable.Range(0, 32).ToArray(), CPU);
        using var optimizer = optim.Adam(model.parameters(), 1e-2);
        double JointLoss() => model.forward(x).Sum(l => nn.functional.cross_entropy(l, y).item<float>());
        model.train();
        var before = JointLoss();
        for (var step = 0; step < 6; step++)
        {
            var loss = model.forward(x).Select(l => nn.functional.cross_entropy(l, y)).Aggregate((a, b) => a + b);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            Assert.True(float.IsFinite(loss.item<float>()), $"step {step}");
        }

        Assert.True(JointLoss() < before, $"loss {before} did not fall");
        model.eval();
        Assert.All(model.forward(x), l => Assert.True(l.isfinite().all().item<bool>()));
    }

    [Fact]
    public void IsDiscoveredAndBindsSnakeCaseOptions()
    {
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, HostPlugins.Register);
        Assert.True(catalog[PluginKind.Architecture].TryGet("resnet-sdn", out var registration));
        Assert.StartsWith("EarlyExitBench.Architectures.ResNetSdn", registration.Assembly, StringComparison.Ordinal);

        var options = OptionsBinder.Bind(registration.OptionsType, new()
        {
            ["widths"] = new System.Text.Json.Nodes.JsonArray(4, 8),
            ["blocks_per_stage"] = 2,
            ["head_grid"] = 1,
        });
        var architecture = (IEarlyExitArchitecture)registration.Factory(options, new PluginContext(Loggers.Silent, "resnet-sdn", 0));
        using var model = architecture.Build(new InputSpec(1, 28, 28, 10));
        using var scope = NewDisposeScope();

        var logits = model.forward(zeros(3, 1, 28, 28));

        Assert.Equal(4, logits.Length);
        Assert.All(logits, l => Assert.Equal(new long[] { 3, 10 }, l.shape));
    }

    [Theory]
    [InlineData("fashion-mnist-architectures.yaml", 2)]
    [InlineData("cifar10-resnet.yaml", 1)]
    public void ShippedSuitesUsingItValidate(string file, int architectures)
    {
        var suite = SuiteLoader.Load(Path.Combine(TestPaths.RepoRoot, "suites", file));
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, HostPlugins.Register);

        Assert.Empty(SuiteValidator.Validate(suite, catalog));
        Assert.Equal(architectures, suite.Architectures.Count);
        Assert.Contains(suite.Architectures, a => a.Alias == "resnet-sdn");
    }
}
