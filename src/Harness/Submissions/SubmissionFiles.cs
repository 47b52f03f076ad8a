using System.Text.RegularExpressions;

namespace EarlyExitBench.Harness.Submissions;

/// <summary>
/// The files of a submission, read into memory only after every check that needs no reading: names (relative, no
/// <c>..</c>, a small alphabet), kinds (regular files and folders only: no symbolic link, hard link, FIFO or device),
/// depth, count and sizes. What fails is a <see cref="SubmissionProblem"/>, and is not read.
/// </summary>
public static partial class SubmissionFiles
{
    /// <summary>Whether <paramref name="path"/> is a name a submission may hold: <c>/</c>-separated segments of letters, digits, <c>._+-</c>, none of them <c>.</c> or <c>..</c> or hidden.</summary>
    public static bool IsSafeName(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length is > 0 and <= 200 && path.Split('/').All(s => SafeSegment().IsMatch(s) && !s.StartsWith('.'));
    }

    /// <summary>Reads the files under <paramref name="folder"/>, by relative path; problems go to <paramref name="problems"/>.</summary>
    public static SortedDictionary<string, byte[]> Read(string folder, SubmissionLimits limits, List<SubmissionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(problems);
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (FileStatus.Of(folder) is { Type: FileStatus.SymbolicLink } || !Directory.Exists(folder))
        {
            problems.Add(new SubmissionProblem(".", $"{folder} is not a folder"));
            return files;
        }

        long total = 0;
        var count = 0;
        Walk(new DirectoryInfo(folder), string.Empty, 0);
        return files;

        void Walk(DirectoryInfo directory, string prefix, int depth)
        {
            foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var name = prefix + entry.Name;
                var status = FileStatus.Of(entry.FullName);
                if (!IsSafeName(name))
                {
                    problems.Add(new SubmissionProblem(Printable(name), "name not allowed in a submission (letters, digits and ._+- only, no hidden files, no ..)"));
                    continue;
                }

                if (entry.LinkTarget is { } target || status is { Type: FileStatus.SymbolicLink })
                {
                    problems.Add(new SubmissionProblem(name, $"symbolic link (to {Printable(entry.LinkTarget ?? "?")}); a submission holds plain files only"));
                    continue;
                }

                if (status is { Type: FileStatus.Directory } || (status is null && entry is DirectoryInfo))
                {
                    if (depth + 1 > limits.MaxDepth)
                    {
                        problems.Add(new SubmissionProblem(name, $"folder deeper than {limits.MaxDepth} levels"));
                        continue;
                    }

                    Walk((DirectoryInfo)entry, name + "/", depth + 1);
                    continue;
                }

                if (status is { } s && s.Type != FileStatus.Regular || entry is not FileInfo file)
                {
                    problems.Add(new SubmissionProblem(name, "not a regular file (FIFO, socket or device)"));
                    continue;
                }

                if (status is { Links: > 1 } linked)
                {
                    problems.Add(new SubmissionProblem(name, $"hard link ({linked.Links} names for one file); a submission holds plain files only"));
                    continue;
                }

                if (++count > limits.MaxFiles)
                {
                    problems.Add(new SubmissionProblem(name, $"more than {limits.MaxFiles} files"));
                    return;
                }

                if (file.Length > limits.MaxFileBytes)
                {
                    problems.Add(new SubmissionProblem(name, $"{file.Length} bytes, over the limit of {limits.MaxFileBytes} per file; not read"));
                    continue;
                }

                total += file.Length;
                if (total > limits.MaxTotalBytes)
                {
                    problems.Add(new SubmissionProblem(name, $"the files so far hold {total} bytes, over the limit of {limits.MaxTotalBytes}; not read"));
                    return;
                }

                files[name] = File.ReadAllBytes(file.FullName);
            }
        }
    }

    /// <summary>A name as it may be printed: control characters escaped.</summary>
    public static string Printable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
    }

    [GeneratedRegex(@"^[A-Za-z0-9._+-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeSegment();
}
