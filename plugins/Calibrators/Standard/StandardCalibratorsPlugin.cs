using EarlyExitBench.Contracts;

namespace EarlyExitBench.Calibrators.Standard;

/// <summary>Registers the standard calibrators.</summary>
public sealed class StandardCalibratorsPlugin : IEarlyExitPlugin
{
    private const string Guo = "Guo, Pleiss, Sun & Weinberger 2017, On Calibration of Modern Neural Networks, ICML; https://arxiv.org/abs/1706.04599";

    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.Add<ICalibrator>(
            new PluginInfo("identity", "Plain softmax (no calibration); keeps argmax and sample order")
            {
                IsIdentity = true, KeepsArgmax = true, KeepsSampleOrder = true, UsesValidationLabels = false,
            },
            _ => new IdentityCalibrator());
        registrar.Add<ICalibrator>(
            new PluginInfo("temperature", "Temperature scaling, T fitted by validation NLL; keeps argmax, may reorder samples") { Citation = Guo, KeepsArgmax = true },
            _ => new TemperatureCalibrator());
        registrar.Add<ICalibrator>(
            new PluginInfo("vector", "Vector scaling: per-class scale and bias by validation NLL; may change argmax and sample order") { Citation = Guo },
            _ => new VectorScalingCalibrator());
        registrar.Add<ICalibrator, MatrixScalingOptions>(
            new PluginInfo("matrix", "Matrix scaling W·z+b by NLL with off-diagonal/bias L2 (option l2); may change argmax and sample order") { Citation = Guo },
            (options, _) => new MatrixScalingCalibrator(options));
        registrar.Add<ICalibrator, HistogramBinningOptions>(
            new PluginInfo("histogram", "Top-label histogram binning (option bins); keeps argmax, ties and may reorder samples")
            {
                KeepsArgmax = true,
                Citation = "Zadrozny & Elkan 2001, Obtaining calibrated probability estimates from decision trees and naive Bayesian classifiers, ICML",
            },
            (options, _) => new HistogramBinningCalibrator(options));
        registrar.Add<ICalibrator>(
            new PluginInfo("isotonic", "Top-label isotonic regression (PAV); keeps argmax, keeps sample order up to ties")
            {
                KeepsArgmax = true,
                Citation = "Zadrozny & Elkan 2002, Transforming classifier scores into accurate multiclass probability estimates, KDD",
            },
            _ => new IsotonicCalibrator());
        registrar.Add<ICalibrator, PlattOptions>(
            new PluginInfo("platt", "Top-label Platt scaling sigma(a*x+b) on log-odds or max logit (option input); keeps argmax")
            {
                KeepsArgmax = true,
                Citation = "Platt 1999, Probabilistic outputs for support vector machines and comparisons to regularized likelihood methods, Advances in Large Margin Classifiers",
            },
            (options, _) => new PlattCalibrator(options));
    }
}
