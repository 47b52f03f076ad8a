using EarlyExitBench.Build;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Build;

public class TorchSharpNativeTests
{
    [Fact]
    public void Conv2dForwardAndBackwardRun()
    {
        using var scope = NewDisposeScope();
        manual_seed(1);
        var x = randn(2, 1, 8, 8, requires_grad: true);
        using var conv = nn.Conv2d(1, 4, 3);
        var loss = conv.forward(x).square().sum();
        loss.backward();

        Assert.Equal(new long[] { 4, 1, 3, 3 }, conv.weight!.grad!.shape);
        Assert.True(x.grad!.abs().sum().item<float>() > 0);
        Assert.True(float.IsFinite(loss.item<float>()));
    }

    [Fact]
    public void PatchedCopyMarksOnlyMissingVersionsWeak()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(library), $"{library} is missing");
        var stdcxx = ElfVersions.FindSystemStdCxx();
        Assert.NotNull(stdcxx);
        var provided = ElfVersions.DefinedVersions(File.ReadAllBytes(stdcxx));
        Assert.Contains("GLIBCXX_3.4.21", provided);

        foreach (var needed in ElfVersions.NeededVersions(File.ReadAllBytes(library), "libstdc++.so.6"))
        {
            // Every requirement the system cannot meet is weak in the build output; the rest are untouched.
            Assert.Equal(!provided.Contains(needed.Name), needed.Weak);
        }
    }

    [Fact]
    public void MarkWeakChangesOnlyTheNamedRequirement()
    {
        var library = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var image = File.ReadAllBytes(library);
        var before = ElfVersions.NeededVersions(image);
        var target = before.First(v => v.File == "libstdc++.so.6" && !v.Weak);

        var changed = ElfVersions.MarkWeak(image, "libstdc++.so.6", new HashSet<string> { target.Name });

        Assert.Equal(1, changed);
        var after = ElfVersions.NeededVersions(image);
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i].Name, after[i].Name);
            Assert.Equal(before[i].Weak || before[i].Name == target.Name && before[i].File == target.File, after[i].Weak);
        }
    }
}
