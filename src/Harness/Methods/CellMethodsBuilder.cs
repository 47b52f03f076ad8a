using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Harness.Methods;

/// <summary>Collects a cell's results in the order they are made, and keeps only what outlives the methods.</summary>
internal sealed class CellMethodsBuilder
{
    private readonly List<MethodResult> _methods = [];
    private readonly List<CalibratorFit> _fits = [];
    private readonly List<CalibratorReliability> _reliability = [];
    private readonly Dictionary<(string, string), FittedMethod> _fitted = [];

    /// <summary>A calibrator that ran: its fitted parameters and reliability counts.</summary>
    public void Add(Calibration calibration, CellRun run)
    {
        _fits.Add(new CalibratorFit(calibration.Label, run.Seed, calibration.Parameters));
        _reliability.Add(calibration.Reliability(run.Seed, run.Bins));
    }

    /// <summary>A pair's methods; its fitted objects and test scores only when <paramref name="keepFitted"/> (the measurement reuses them).</summary>
    public void Add(PairResults pair, bool keepFitted)
    {
        _methods.AddRange(pair.Methods);
        if (keepFitted && pair.Scored is { } scored)
        {
            _fitted[(pair.Calibration.Label, pair.FailurePredictor)] = new FittedMethod(pair.Calibration.Fitted, scored.Scorer, scored.Scores, pair.Calibration.Correct);
        }
    }

    public CellMethods Build(IReadOnlyList<FailureRecord> failures) => new(_methods, failures, _fits, _reliability, _fitted);
}
