using EarlyExitBench.Architectures.BranchyLeNet;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Methods;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Architectures;

public class BranchyLeNetTests
{
    [Fact]
    public void CostsAndParametersMatchAHandCount()
    {
        using var model = new BranchyLeNetArchitecture(new BranchyLeNetOptions()).Build(new InputSpec(1, 28, 28, 10));
        var stages = model.Stages;

        // Block 1: conv 1→16 3×3 pad 1 on 28×28: (2·1·9 + 1)·16·784 = 238,336; ReLU 16·784 = 12,544;
        //          max-pool 2×2 to 14×14 reads 16·196·4 = 12,544 → 263,424.
        // Head 1: adaptive avg-pool 14×14 → 4×4, PyTorch windows per axis [0,4) [3,7) [7,11) [10,14): 4+4+4+4 = 16
        //         per axis → 16·16·16 = 4,096; linear 256→10: (2·256 + 1)·10 = 5,130 → 9,226.
        Assert.Equal(new StageCost(263_424, 9_226, (1 * 9 * 16) + 16, (256 * 10) + 10), stages[0]);
        // Block 2: conv 16→32 on 14×14: (2·16·9 + 1)·32·196 = 1,812,608; ReLU 6,272; pool 32·49·4 = 6,272 → 1,825,152.
        // Head 2: 7×7 → 4×4 windows [0,2) [1,4) [3,6) [5,7): 2+3+3+2 = 10 → 32·10·10 = 3,200; linear 512→10: 10,250 → 13,450.
        Assert.Equal(new StageCost(1_825_152, 13_450, (16 * 9 * 32) + 32, (512 * 10) + 10), stages[1]);
        // Block 3: conv 32→64 on 7×7: (2·32·9 + 1)·64·49 = 1,809,472; ReLU 3,136; pool to 3×3: 64·9·4 = 2,304 → 1,814,912.
        // Head 3: 3×3 → 4×4 windows [0,1) [0,2) [1,3) [2,3): 1+2+2+1 = 6 → 64·6·6 = 2,304; linear 1024→10: 20,490 → 22,794.
        Assert.Equal(new StageCost(1_814_912, 22_794, (32 * 9 * 64) + 64, (1024 * 10) + 10), stages[2]);
    }

    [Fact]
    public void AnalyticParameterCountEqualsTheModulesParameters()
    {
        using var model = new BranchyLeNetArchitecture(new BranchyLeNetOptions { Channels = [6, 12, 24, 48] }).Build(new InputSpec(3, 32, 32, 100));

        var actual = model.parameters().Sum(p => p.numel());

        Assert.Equal(model.Stages.Sum(s => s.BackboneParameters + s.HeadParameters), actual);
    }

    [Fact]
    public void ExitCostsAreCumulativeAndTheFirstExitIsCheap()
    {
        using var model = new BranchyLeNetArchitecture(new BranchyLeNetOptions()).Build(new InputSpec(1, 28, 28, 10));

        var exits = EarlyExitBench.Harness.Bundles.ExitCosts.Of(model);

        Assert.Equal(263_424 + 9_226, exits[0].Cost);
        Assert.Equal(263_424 + 9_226 + 1_825_152 + 13_450, exits[1].Cost);
        Assert.Equal(272_650 + 1_838_602 + 1_837_706, exits[2].Cost);
        Assert.Equal(272_650 / 3_948_958.0, exits[0].RelativeCost, 12);
        Assert.Equal(2730 + 4640 + 5130, exits[1].Params);
    }

    [Fact]
    public void BlockwiseForwardEqualsTheFullForward()
    {
        using var model = new BranchyLeNetArchitecture(new BranchyLeNetOptions()).Build(new InputSpec(1, 28, 28, 10));
        using var scope = NewDisposeScope();
        manual_seed(3);
        var x = randn(5, 1, 28, 28);

        var all = model.forward(x);
        var features = x;
        for (var k = 0; k < 3; k++)
        {
            features = model.ForwardBlock(k, features);
            Assert.True(model.ForwardHead(k, features).allclose(all[k], rtol: 1e-6, atol: 1e-6));
        }
    }

    [Fact]
    public void RejectsInputsTooSmallForTheBlocks()
    {
        var architecture = new BranchyLeNetArchitecture(new BranchyLeNetOptions { Channels = [4, 4, 4, 4, 4] });
        Assert.Throws<ArgumentException>(() => architecture.Build(new InputSpec(1, 8, 8, 10)));
    }
}
