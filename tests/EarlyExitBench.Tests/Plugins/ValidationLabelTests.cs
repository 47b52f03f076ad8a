using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Tests.Plugins.ExitPolicies;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>
/// <see cref="PluginInfo.UsesValidationLabels"/> by behaviour: a failure predictor or exit policy registered as not reading
/// the validation labels gives the same output whatever they are (calibrators: <c>CalibratorContractTests</c>). A
/// registration that reads them is not asserted either way.
/// </summary>
public class ValidationLabelTests
{
    private const int Samples = 300, Classes = 5, Exits = 3;

    public static TheoryData<string> LabelFreeScores => new(ShippedRegistry.Aliases(PluginKind.FailurePredictor, i => !i.UsesValidationLabels));

    public static TheoryData<string> LabelFreePolicies => new(ShippedRegistry.Aliases(PluginKind.ExitPolicy, i => !i.UsesValidationLabels));

    [Theory]
    [MemberData(nameof(LabelFreeScores))]
    public void ALabelFreeScoreIgnoresTheValidationLabels(string alias)
    {
        var (validation, test) = (Outputs(seed: 1), Outputs(seed: 2));
        var (labels, other) = Labels(seed: 3);

        var withLabels = ShippedRegistry.Create<IFailurePredictor>(PluginKind.FailurePredictor, alias).Fit(validation, labels, CancellationToken.None);
        var withOthers = ShippedRegistry.Create<IFailurePredictor>(PluginKind.FailurePredictor, alias).Fit(validation, other, CancellationToken.None);

        for (var k = 0; k < Exits; k++)
        {
            Assert.Equal(withLabels.Score(test, k), withOthers.Score(test, k));
        }
    }

    [Theory]
    [MemberData(nameof(LabelFreePolicies))]
    public void ALabelFreePolicyIgnoresTheValidationLabels(string alias)
    {
        var random = new Random(4);
        var scores = PolicyInputs.UniformScores(Exits, Samples, seed: 5);
        var predictions = Enumerable.Range(0, Exits).Select(_ => Enumerable.Range(0, Samples).Select(_ => random.Next(Classes)).ToArray()).ToArray();
        var (labels, other) = Labels(seed: 6);
        ExitPolicyInput Input(int[] validationLabels) => new(
            PolicyInputs.Memories(scores), PolicyInputs.Memories(predictions), validationLabels, PolicyInputs.Memories(scores), PolicyInputs.Memories(predictions), new[] { 1.0, 2.0, 4.0 });

        var withLabels = ShippedRegistry.Create<IExitPolicy>(PluginKind.ExitPolicy, alias).Assign(Input(labels), CancellationToken.None);
        var withOthers = ShippedRegistry.Create<IExitPolicy>(PluginKind.ExitPolicy, alias).Assign(Input(other), CancellationToken.None);

        Assert.NotEmpty(withLabels);
        Assert.Equal(withLabels.Select(a => a.Setting), withOthers.Select(a => a.Setting));
        Assert.Equal(withLabels.Select(a => a.ExitPerSample.ToArray()), withOthers.Select(a => a.ExitPerSample.ToArray()));
    }

    private static (int[] Labels, int[] Other) Labels(int seed)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, Samples).Select(_ => random.Next(Classes)).ToArray();
        return (labels, [.. labels.Select(l => (l + 2) % Classes)]);
    }

    private static MultiExitOutputs Outputs(int seed)
    {
        var random = new Random(seed);
        var logits = Enumerable.Range(0, Exits)
            .Select(_ => Synthetic.Matrix([.. Enumerable.Range(0, Samples).Select(_ => Enumerable.Range(0, Classes).Select(_ => 2 * Synthetic.Gaussian(random)).ToArray())]))
            .ToList();
        return new MultiExitOutputs(logits, [.. logits.Select(l => Probabilities.Softmax(l))]);
    }
}
