namespace EarlyExitBench.Harness.Plugins;

/// <summary>Options that do not bind to a plugin's options class; lists every problem found.</summary>
public sealed class OptionsException(IReadOnlyList<OptionProblem> problems)
    : Exception(string.Join("; ", problems.Select(p => p.Message)))
{
    /// <summary>Each problem, with the option key it belongs to.</summary>
    public IReadOnlyList<OptionProblem> Problems { get; } = problems;
}
