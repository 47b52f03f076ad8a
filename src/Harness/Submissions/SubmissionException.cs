namespace EarlyExitBench.Harness.Submissions;

/// <summary>A submission that is refused, with every problem found.</summary>
/// <param name="source">The submission (folder) refused.</param>
/// <param name="problems">Every problem, at least one.</param>
public sealed class SubmissionException(string source, IReadOnlyList<SubmissionProblem> problems)
    : Exception($"{source}: refused, {problems.Count} problem(s)")
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<SubmissionProblem> Problems { get; } = problems;
}
