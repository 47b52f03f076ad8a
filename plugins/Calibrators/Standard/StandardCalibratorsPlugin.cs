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
    }
}
