using EarlyExitBench.Architectures.MsdNet;
using EarlyExitBench.Architectures.MsdNet.Reference;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Architectures;

/// <summary>
/// The reference MSDNet against kalviny/MSDNet-PyTorch's own code, through the fixtures tools/make_msdnet_fixture.py wrote
/// with it: logits of every exit, and op_counter.py's figure per exit, for the paper's CIFAR anytime and budget configs,
/// its ImageNet config and a narrow ImageNet config.
/// </summary>
public class MsdNetReferenceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Configs() => ["cifar-anytime", "cifar-budget", "imagenet", "imagenet-narrow", "cifar-tiny"];

    [Theory]
    [MemberData(nameof(Configs))]
    public void LogitsOfEveryExitMatchTheReferenceWithinOneE5(string name)
    {
        var fixture = MsdNetFixture.Load(name);
        using var model = new MsdNetArchitecture(fixture.Options()).Build(fixture.Input);
        MsdNetFixture.Fill(model.state_dict());
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var expected = fixture.Logits();

        var logits = model.forward(fixture.InputBatch());

        Assert.Equal(expected.shape[0], logits.Length);
        for (var k = 0; k < logits.Length; k++)
        {
            var difference = (logits[k] - expected[k]).abs().max().item<float>();
            var scale = expected[k].abs().max().item<float>();
            // The full ImageNet config sums up to 3,000-term products in float32: the reference differs from itself by up to
            // 1.8e-5 between 1 and 2 threads and from its own float64 run by 1.4e-5 (logits up to 19), so there 1e-5 is
            // relative to the exit's largest logit; every other config is held to 1e-5 absolute.
            var tolerance = name == "imagenet" ? 1e-5 * Math.Max(1, scale) : 1e-5;
            output.WriteLine($"{name} exit {k + 1}: max |ours − reference| = {difference:E2}, max |logit| = {scale:F2}");
            Assert.True(difference <= tolerance, $"{name} exit {k + 1}: logits differ from the reference by {difference} (tolerance {tolerance})");
        }
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void CostPerExitIsOpCountersFigureExactlyInItsConvention(string name)
    {
        var fixture = MsdNetFixture.Load(name);
        var architecture = new MsdNetArchitecture(fixture.Options());

        var ops = architecture.ReferenceOps(fixture.Input)!;
        var stages = architecture.Describe(fixture.Input);

        Assert.Equal(fixture.ReferenceOps, ops);
        long parameters = 0;
        Assert.Equal(fixture.ReferenceParameters, stages.Select(s => parameters += s.BackboneParameters + s.HeadParameters).ToArray());
        long flops = 0;
        var ours = stages.Select(s => flops += s.BackboneFlops + s.HeadFlops).ToArray();
        for (var k = 0; k < ops.Count; k++)
        {
            output.WriteLine($"{name} exit {k + 1}: op_counter {fixture.ReferenceOps[k]:N0}, ours in its convention {ops[k]:N0}, ours in EarlyExitBench's {ours[k]:N0}");
        }
    }

    [Fact]
    public void TheImageNetConfigCostsWhatThePaperReports()
    {
        // Huang et al. 2018 (and the MSDNet literature since): 0.34 to 1.36 GFLOPs per exit for the ImageNet step-4 model.
        var fixture = MsdNetFixture.Load("imagenet");
        var ops = new MsdNetArchitecture(fixture.Options()).ReferenceOps(fixture.Input)!;

        Assert.Equal(0.34, ops[0] / 1e9, 2);
        Assert.Equal(1.36, ops[^1] / 1e9, 2);
    }

    [Fact]
    public void StepModesAndPruningPlanTheReferencesLayers()
    {
        // CIFAR budget: lin_grow steps 1, 2, 3, 4, 5 (15 layers), prune max with 3 scales: interval ⌈15/3⌉ = 5, so layers
        // 6 and 11 drop the finest scale and a transition follows each (reference log: "Transition layer inserted! (max)").
        var config = ReferenceConfig.From(MsdNetFixture.Load("cifar-budget").Options());
        var plan = config.Plan(3);

        Assert.Equal([1, 2, 3, 4, 5], config.Steps());
        var layers = plan.SelectMany(b => b.Layers).ToList();
        Assert.Equal(15, layers.Count(l => l.Kind == ReferenceLayerKind.Dense));
        var transitions = layers.Select((l, i) => (l, i)).Where(p => p.l.Kind == ReferenceLayerKind.Transition).ToList();
        Assert.Equal(2, transitions.Count);
        Assert.All(transitions, t => Assert.True(layers[t.i - 1].InScales == layers[t.i - 1].OutScales + 1));
        Assert.Equal([3, 3, 2, 2, 1], plan.Select(b => b.Scales)); // layers end blocks at 1, 3, 6, 10, 15
    }

    [Fact]
    public void BlockwiseForwardWithDroppedRowsEqualsTheFullForward()
    {
        var fixture = MsdNetFixture.Load("cifar-budget");
        using var model = new MsdNetArchitecture(fixture.Options()).Build(fixture.Input);
        MsdNetFixture.Fill(model.state_dict());
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        manual_seed(5);
        var x = randn(4, 3, 32, 32);
        var all = model.forward(x);

        var features = x;
        for (var k = 0; k < model.Stages.Count; k++)
        {
            features = model.ForwardBlock(k, features);
            Assert.True(model.ForwardHead(k, features).allclose(all[k], rtol: 1e-5, atol: 1e-5), $"exit {k + 1}");
        }

        var kept = model.ForwardHead(2, model.ForwardBlock(2, model.ForwardBlock(1, model.ForwardBlock(0, x)).index_select(0, tensor(new long[] { 3, 0 }))));
        Assert.True(kept.allclose(all[2].index_select(0, tensor(new long[] { 3, 0 })), rtol: 1e-5, atol: 1e-5));
    }

    [Fact]
    public void KeysAreTheReferencesWithoutModulePrefix()
    {
        var fixture = MsdNetFixture.Load("imagenet-narrow");
        using var model = new MsdNetArchitecture(fixture.Options()).Build(fixture.Input);
        var keys = model.state_dict().Keys.ToList();

        Assert.Contains("blocks.0.0.layers.0.0.weight", keys);   // ImageNet stem: conv 7×7 with bias
        Assert.Contains("blocks.0.0.layers.0.0.bias", keys);
        Assert.Contains("blocks.0.1.layers.0.conv_normal.net.3.weight", keys);
        Assert.Contains("blocks.0.1.layers.1.conv_down.net.0.weight", keys);
        Assert.Contains("classifier.4.m.1.net.1.running_var", keys);
        Assert.Contains("classifier.4.linear.bias", keys);
    }

    [Theory]
    [InlineData("preset: small with data", "data")]
    [InlineData("gr_factor", "gr_factor '1-x-4'")]
    [InlineData("odd growth", "must be even")]
    [InlineData("small options", "belong to preset small")]
    public void RejectsOptionsTheReferenceWouldNotBuild(string label, string fragment)
    {
        var options = label switch
        {
            "preset: small with data" => new MsdNetOptions { Preset = "small", Data = "imagenet" },
            "gr_factor" => new MsdNetOptions { NBlocks = 2, GrFactor = "1-x-4" },
            "odd growth" => new MsdNetOptions { NBlocks = 2, GrowthRate = 3, GrFactor = "1-1-2" },
            _ => new MsdNetOptions { NBlocks = 2, Blocks = 3 },
        };

        Assert.Contains(fragment, Assert.Throws<ArgumentException>(() => new MsdNetArchitecture(options)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnImageTooSmallForTheClassifierIsRefusedByDescribeAsByBuild()
    {
        var imageNet = new MsdNetArchitecture(new MsdNetOptions { NBlocks = 1, Data = "imagenet", GrFactor = "1-2-4-4", BnFactor = "1-2-4-4", NChannels = 4, GrowthRate = 2 });
        var input = new InputSpec(3, 32, 32, 10);

        var described = Assert.Throws<ArgumentException>(() => imageNet.Describe(input)).Message;
        Assert.Equal(described, Assert.Throws<ArgumentException>(() => imageNet.Build(input)).Message);
        Assert.Contains("224×224", described, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReferenceCheckpointLoadsAsMainPySavesIt()
    {
        // imagenet-narrow.pth.tar: {epoch, arch, state_dict with 'module.' keys, best_prec1, optimizer}, from torch.save.
        var fixture = MsdNetFixture.Load("imagenet-narrow");
        using var model = new MsdNetArchitecture(fixture.Options()).Build(fixture.Input);

        var loaded = PyTorchWeights.Load(model, fixture.Checkpoint!, "msdnet");

        Assert.Equal(model.state_dict().Count, loaded);
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var logits = model.forward(fixture.InputBatch());
        var expected = fixture.Logits();
        for (var k = 0; k < logits.Length; k++)
        {
            Assert.True((logits[k] - expected[k]).abs().max().item<float>() <= 1e-5, $"exit {k + 1}");
        }
    }

    public static TheoryData<string, string> WrongOptions() => new()
    {
        { "n_blocks", "the file has 5 classifiers; set n_blocks: 5" },
        { "data", "keys look like the ImageNet stem (a 7×7 convolution with bias at blocks.0.0.layers.0.0); set data: imagenet" },
        { "gr_factor", "the stem makes 4 scales; set gr_factor and bn_factor with 4 factors (the reference's: 1-2-4-4)" },
        { "n_channels", "the stem's finest scale has 4 channels; set n_channels: 4" },
        { "growth_rate", "the first dense layer adds 2 channels; set growth_rate: 2" },
        { "bottleneck", "the dense layers have 1×1 bottleneck; set bottleneck: true" },
        // Worked by hand: the file (steps 4, 4, 4, 4, 4; 20 layers, 4 scales, prune interval 5) has transitions after layers 6, 11
        // and 16, and block 0 the stem: 5, 5, 5, 5, 4 entries; step 3 (16 layers, interval 4) puts them after 5, 9 and 13.
        { "step", "the file's blocks have 5, 5, 5, 5, 4 entries (dense layers and transitions), the options give 5, 4, 4, 4, 3; check base, step, step_mode, prune and reduction" },
        { "preset", "the keys (blocks.k.j.*, classifier.k.*) are the reference MSDNet's (kalviny/MSDNet-PyTorch); set its options" },
    };

    [Theory]
    [MemberData(nameof(WrongOptions))]
    public void ACheckpointThatDoesNotFitSaysWhichOptionToChange(string wrong, string advice)
    {
        var fixture = MsdNetFixture.Load("imagenet-narrow");
        var options = fixture.Options();
        var input = fixture.Input;
        switch (wrong)
        {
            case "n_blocks": options.NBlocks = 7; break;
            case "data": options.Data = "cifar"; input = new InputSpec(3, 56, 56, 1000); break;   // a CIFAR stem needs a smaller image to reach 1×1
            case "gr_factor": options.GrFactor = options.BnFactor = "1-2-4"; input = new InputSpec(3, 160, 160, 1000); break;
            case "n_channels": options.NChannels = 8; break;
            case "growth_rate": options.GrowthRate = 4; break;
            case "bottleneck": options.Bottleneck = false; break;
            case "step": options.Step = 3; break;
            default: options = new MsdNetOptions { Blocks = 5, BaseChannels = 4, GrowthRate = 2 }; break;
        }

        using var model = new MsdNetArchitecture(options).Build(input);

        var message = Assert.Throws<InvalidDataException>(() => PyTorchWeights.Load(model, fixture.Checkpoint!, "msdnet")).Message;
        output.WriteLine(message.Length > 400 ? message[..400] : message);
        Assert.Contains(advice, message, StringComparison.Ordinal);
        Assert.True(message.IndexOf(advice, StringComparison.Ordinal) < message.IndexOf("Keys: ", StringComparison.Ordinal), "the advice comes before the key list");
    }
}
