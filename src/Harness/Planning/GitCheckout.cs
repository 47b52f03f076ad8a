using System.Diagnostics;

namespace EarlyExitBench.Harness.Planning;

/// <summary>The git commit and dirty flag of the checkout a program runs from.</summary>
public static class GitCheckout
{
    /// <summary>
    /// Walks up from <paramref name="start"/> to the first folder holding <c>.git</c> (a folder, or a file in a worktree)
    /// and asks git for its commit and status. (null, null) when there is no checkout, git is missing or fails.
    /// </summary>
    public static (string? Commit, bool? Dirty) Describe(string start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var root = FindRoot(start);
        if (root is null)
        {
            return (null, null);
        }

        var commit = Git(root, "rev-parse", "HEAD")?.Trim();
        if (string.IsNullOrEmpty(commit))
        {
            return (null, null);
        }

        var status = Git(root, "status", "--porcelain");
        return (commit, status is null ? null : status.Trim().Length > 0);
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> with a <c>.git</c> entry, or null.</summary>
    public static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // No optional locks: a run must never block, or be blocked by, a git command in the same checkout.
        start.ArgumentList.Add("--no-optional-locks");
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(directory);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return null;
            }

            _ = errors.Result;
            return process.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // git is not installed: provenance says "unknown" rather than failing the run.
            return null;
        }
    }
}
