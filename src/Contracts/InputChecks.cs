namespace EarlyExitBench.Contracts;

/// <summary>Guard clauses for what the host hands a plugin's <c>Fit</c>, with the messages the harness reports.</summary>
public static class InputChecks
{
    /// <summary>Throws unless there is one label per sample and each lies in [0, <paramref name="classes"/>).</summary>
    /// <param name="labels">The labels.</param>
    /// <param name="samples">Number of samples (rows) the labels belong to.</param>
    /// <param name="classes">Number of classes.</param>
    /// <param name="name">Parameter name for the exception.</param>
    /// <exception cref="ArgumentException">A count or a label is wrong; the message names the sample.</exception>
    public static void CheckLabels(ReadOnlySpan<int> labels, int samples, int classes, string name = "labels")
    {
        if (labels.Length != samples)
        {
            throw new ArgumentException($"{labels.Length} labels for {samples} samples.", name);
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes)
            {
                throw new ArgumentException($"Label {labels[i]} of sample {i} is outside [0, {classes}).", name);
            }
        }
    }
}
