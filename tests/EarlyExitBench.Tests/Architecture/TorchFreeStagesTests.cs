using EarlyExitBench.Harness.Cli;
using Mono.Cecil;

namespace EarlyExitBench.Tests.Architecture;

/// <summary>
/// The stages that validate, plan and evaluate never name a TorchSharp type, read from the compiled assembly (signatures,
/// fields and every instruction of every method body). A TorchSharp type in these stages is where libtorch would load:
/// <c>torch</c>'s static constructor loads the native library. <c>WithoutLibTorchTests</c> checks the same at run time.
/// Plugins and Leaderboard name <c>typeof(torch)</c> only for its assembly (the shared-types list, the version in the
/// environment section), which loads nothing; Data, Training, Measurement, Pipeline and Cli run models or start them.
/// </summary>
public class TorchFreeStagesTests
{
    private static readonly string[] TorchFree = ["Suites", "Bundles", "Planning", "Evaluation", "Methods", "Cells", "Claims", "Reporting"];

    [Fact]
    public void TheStagesThatTrainNothingNameNoTorchSharpType()
    {
        var found = TorchSharpReferences().Where(r => TorchFree.Contains(r.Stage)).Select(r => $"{r.Type} -> {r.Target}").Distinct().ToList();

        Assert.True(found.Count == 0, "TorchSharp types named by stages that must run without libtorch:\n" + string.Join('\n', found));
    }

    [Fact]
    public void TheWalkFindsTorchSharpWhereItIsUsed()
    {
        // Training runs models: if the walk missed these references, the check above would prove nothing.
        Assert.Contains(TorchSharpReferences(), r => r.Stage == "Training" && r.Type.EndsWith(".BundleStage", StringComparison.Ordinal));
        Assert.Contains(TorchSharpReferences(), r => r.Stage == "Measurement" && r.Type.EndsWith(".FlopCounter", StringComparison.Ordinal));
    }

    private static List<(string Stage, string Type, string Target)> TorchSharpReferences()
    {
        using var module = ModuleDefinition.ReadModule(typeof(Commands).Assembly.Location);
        var found = new List<(string, string, string)>();
        foreach (var type in module.GetTypes())
        {
            var outer = IlReferences.OuterMost(type);

            const string prefix = "EarlyExitBench.Harness.";
            if (!outer.Namespace.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var stage = outer.Namespace[prefix.Length..].Split('.')[0];
            found.AddRange(IlReferences.Of(type).Where(t => t.Namespace.StartsWith("TorchSharp", StringComparison.Ordinal))
                .Select(t => (stage, outer.FullName, t.FullName)));
        }

        return found;
    }
}
