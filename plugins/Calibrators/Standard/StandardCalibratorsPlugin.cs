using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>Registers the standard calibrators.</summary>
public sealed class StandardCalibratorsPlugin : IEarlyExitPlugin
{
    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<ICalibrator>("identity", "Plain softmax (no calibration); keeps argmax and sample order", _ => new IdentityCalibrator());
        registrar.Add<ICalibrator>("temperature", "Temperature scaling, T fitted by validation NLL; keeps argmax, may reorder samples", _ => new TemperatureCalibrator());
        registrar.Add<ICalibrator>("vector", "Vector scaling: per-class scale and bias by validation NLL; may change argmax and sample order", _ => new VectorScalingCalibrator());
        registrar.Add<ICalibrator, MatrixScalingOptions>("matrix", "Matrix scaling W·z+b by NLL with off-diagonal/bias L2 (option l2); may change argmax and sample order", (options, _) => new MatrixScalingCalibrator(options));
        registrar.Add<ICalibrator, HistogramBinningOptions>("histogram", "Top-label histogram binning (option bins); keeps argmax, ties and may reorder samples", (options, _) => new HistogramBinningCalibrator(options));
        registrar.Add<ICalibrator>("isotonic", "Top-label isotonic regression (PAV); keeps argmax, keeps sample order up to ties", _ => new IsotonicCalibrator());
        registrar.Add<ICalibrator, PlattOptions>("platt", "Top-label Platt scaling sigma(a*x+b) on log-odds or max logit (option input); keeps argmax", (options, _) => new PlattCalibrator(options));
    }
}
