namespace EarlyExitBench.Harness.Submissions;

/// <summary>One thing wrong with a submission: the file (relative to the submission) and what.</summary>
/// <param name="File">The file concerned, relative to the submission folder.</param>
/// <param name="Message">What is wrong.</param>
public sealed record SubmissionProblem(string File, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Message}";
}
