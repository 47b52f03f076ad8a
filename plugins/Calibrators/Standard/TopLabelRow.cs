namespace EarlyExitBench.Calibrators.Standard;

/// <summary>What a top-label calibrator sees of one sample's logits.</summary>
/// <param name="Top">Predicted class: the first index of the largest logit.</param>
/// <param name="Confidence">Max-softmax probability p₁.</param>
/// <param name="LogOdds">log(p₁ / (1 − p₁)), computed from the logits so it stays finite when p₁ rounds to 1 (+∞ only with one class).</param>
/// <param name="MaxLogit">The largest logit.</param>
internal readonly record struct TopLabelRow(int Top, double Confidence, double LogOdds, double MaxLogit);
