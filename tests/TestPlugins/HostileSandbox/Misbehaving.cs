using EarlyExitBench.Contracts;

namespace TestPlugin.HostileSandbox;

/// <summary>
/// The identity calibrator, which first runs its attack when its assembly was loaded from a submission (a
/// <c>plugins/</c> folder two levels below a <c>submission.json</c>): there only, so that the contributor's own run works.
/// </summary>
internal sealed class Misbehaving(HostileOptions options, Action<HostileOptions> attack) : ICalibrator, IFittedCalibrator
{
    public IReadOnlyDictionary<string, double> Parameters { get; } = new Dictionary<string, double>();

    public IFittedCalibrator Fit(ClassMatrix logits, ReadOnlySpan<int> labels, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(typeof(Misbehaving).Assembly.Location)!;
        if (File.Exists(Path.Combine(folder, "..", "..", "submission.json")))
        {
            attack(options);
        }

        return this;
    }

    public ClassMatrix Apply(ClassMatrix logits) => Probabilities.Softmax(logits);
}
