using static TorchSharp.torch;

namespace EarlyExitBench.Harness.Measurement;

/// <summary>What every timed run of one measurement shares.</summary>
/// <param name="Settings">Warm-up, repeats and limits.</param>
/// <param name="Device">The model's device.</param>
/// <param name="CancellationToken">Checked between repeats.</param>
internal sealed record TimingBounds(MeasurementSettings Settings, Device Device, CancellationToken CancellationToken);
