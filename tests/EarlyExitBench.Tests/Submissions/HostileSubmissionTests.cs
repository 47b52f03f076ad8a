using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Submissions;

/// <summary>
/// The hostile-submission corpus: each case is a copy of a real submission broken one way (or, where one break brings
/// another, the few named), made here rather than committed. Each gets exit 2 and a refusal naming the file and the
/// problem, and nothing in or beside the submission changes.
/// </summary>
[Collection("Console")]
public class HostileSubmissionTests(ITestOutputHelper output)
{
    private static readonly string Key = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(TinyRun.Submission, "cells"), "*.json").Order(StringComparer.Ordinal).First());

    private static readonly Dictionary<string, (Action<string> Break, string File, string Problem)> Cases = new()
    {
        ["traversal in a listed name"] = (s => EditManifest(s, m => AddFile(m, "../outside.txt")), "submission.json", "lists '../outside.txt': not a safe relative name"),
        ["absolute path in a listed name"] = (s => EditManifest(s, m => AddFile(m, "/etc/passwd")), "submission.json", "lists '/etc/passwd': not a safe relative name"),
        ["traversal inside a listed name"] = (s => EditManifest(s, m => AddFile(m, "cells/../../x.json")), "submission.json", "lists 'cells/../../x.json': not a safe relative name"),
        ["control character in a file name"] = (s => File.WriteAllText(Path.Combine(s, "cells", "a\u0001b.json"), "{}"), "cells/a\\u0001b.json", "name not allowed"),
        ["hidden file"] = (s => File.WriteAllText(Path.Combine(s, ".env"), "TOKEN=1"), ".env", "name not allowed"),
        ["symbolic link to a file outside"] = (s => File.CreateSymbolicLink(Path.Combine(s, "cells", "link.json"), "/etc/passwd"), "cells/link.json", "symbolic link (to /etc/passwd)"),
        ["symbolic link to a folder outside"] = (s => Directory.CreateSymbolicLink(Path.Combine(s, "plugins"), "/"), "plugins", "symbolic link (to /)"),
        ["hard link to a file outside"] = (s => HardLink(Path.Combine(s, "notes.txt")), "notes.txt", "hard link (2 names for one file)"),
        ["FIFO"] = (s => Fifo(Path.Combine(s, "pipe")), "pipe", "not a regular file"),
        ["huge file"] = (s => Sparse(Path.Combine(s, "cells", "huge.npz"), 300L << 20), "cells/huge.npz", "over the limit of 268435456 per file; not read"),
        ["zip bomb"] = (s => { Bomb(Path.Combine(s, "cells", Key + ".npz")); Reseal(s); }, $"cells/{Key}.npz", "a zip bomb? not unpacked"),
        ["not a zip"] = (s => { File.WriteAllText(Path.Combine(s, "cells", Key + ".npz"), "not a zip"); Reseal(s); }, $"cells/{Key}.npz", "not a readable .npz (zip) file"),
        ["folders too deep"] = (s => Deep(s), "a/b/c/d/e", "folder deeper than 4 levels"),
        ["invalid JSON manifest"] = (s => File.WriteAllText(Path.Combine(s, "submission.json"), File.ReadAllText(Path.Combine(s, "submission.json"))[..200]), "submission.json", "invalid JSON at line"),
        ["invalid JSON plan"] = (s => { File.AppendAllText(Path.Combine(s, "plan.json"), "}"); Reseal(s); }, "plan.json", "invalid JSON at line"),
        ["invalid JSON cell"] = (s => { File.WriteAllText(Path.Combine(s, "cells", Key + ".json"), "{\"format\": 1,"); Reseal(s); }, $"cells/{Key}.json", "invalid JSON at line"),
        ["wrong submission format"] = (s => EditManifest(s, m => m["format"] = 2), "submission.json", "submission format 2; this eebench reads format 1"),
        ["wrong leaderboard schema version"] = (s => EditManifest(s, m => m["pin"]!["schema_version"] = 1), "submission.json", "version mismatch: made for leaderboard schema_version 1"),
        ["unknown key"] = (s => EditManifest(s, m => m["trust_me"] = true), "submission.json", "$.trust_me (line"),
        ["required key missing"] = (s => EditManifest(s, m => m.AsObject().Remove("pin")), "submission.json", "required key 'pin' is missing"),
        ["the same key twice in the manifest"] = (s => Replace(Path.Combine(s, "submission.json"), "\"format\": 1,", "\"format\": 1,\n  \"format\": 1,"), "submission.json", "given twice"),
        ["the same path listed with two contents"] = (s => EditManifest(s, m => m["files"]!.AsArray().Add(new JsonObject { ["path"] = "suite.yaml", ["size"] = 1, ["sha256"] = new string('0', 64) })), "suite.yaml", "listed twice in submission.json with two contents"),
        ["the same cell listed with two contents"] = (s => EditManifest(s, m => m["cells"]!.AsArray().Add(new JsonObject { ["key"] = Key, ["name"] = "x", ["result_sha256"] = new string('1', 64) })), $"cells/{Key}.json", "cell listed twice in submission.json with two contents"),
        ["a file edited after submit"] = (s => File.AppendAllText(Path.Combine(s, "suite.yaml"), "# edited\n"), "suite.yaml", "does not match submission.json"),
        ["a file not listed"] = (s => File.WriteAllText(Path.Combine(s, "cells", "extra.npz"), "x"), "cells/extra.npz", "not listed in submission.json"),
        ["a listed file missing"] = (s => File.Delete(Path.Combine(s, "leaderboard.json")), "leaderboard.json", "listed in submission.json but missing"),
        ["forged eebench hash"] = (s => EditManifest(s, m => m["pin"]!["harness_sha256"] = new string('a', 64)), "plan.json", "forged or stale provenance: the eebench SHA-256 is aaaa"),
        ["forged suite hash"] = (s => EditManifest(s, m => m["pin"]!["suite_sha256"] = new string('b', 64)), "suite.yaml", "forged or stale provenance: the suite's SHA-256 is bbbb"),
        ["forged plan id"] = (s => EditManifest(s, m => m["pin"]!["plan_id"] = new string('c', 24)), "plan.json", "forged or stale provenance: the plan id is cccc"),
        ["forged cell result hash"] = (s => EditManifest(s, m => m["cells"]!.AsArray().First(c => (string?)c!["key"] == Key)!["result_sha256"] = new string('d', 64)), $"cells/{Key}.json", "is not the dddddddddddd… submission.json declares"),
        ["cell content not matching its own hash"] = (s => { Replace(Path.Combine(s, "cells", Key + ".json"), "\"accuracy\": 0.", "\"accuracy\": 0.0"); Reseal(s); }, $"cells/{Key}.json", "content does not match its sha256"),
        ["overlapping splits"] = (s => EditCell(s, r => r["samples"]!["shared_with_test"] = 7), $"cells/{Key}.json", "overlapping splits: 7 calibration/validation or training sample(s) are also test samples"),
        ["validation is the test set"] = (s => EditCell(s, r => { r["samples"]!["splits"]![1]!["sha256"] = (string?)r["samples"]!["splits"]![2]!["sha256"]; r["samples"]!["splits"]![1]!["pool"] = "test"; }), $"cells/{Key}.json", "overlapping splits: the validation samples are the test samples"),
        ["no sample ids"] = (s => EditCell(s, r => r.Remove("samples")), $"cells/{Key}.json", "records no sample-id hashes of its splits"),
        ["missing cell result"] = (s => { File.Delete(Path.Combine(s, "cells", Key + ".json")); DropListed(s, $"cells/{Key}.json"); }, $"cells/{Key}.json", "missing: the result of cell"),
        ["missing plan"] = (s => { File.Delete(Path.Combine(s, "plan.json")); DropListed(s, "plan.json"); }, "plan.json", "missing: a required artifact"),
        ["missing suite"] = (s => { File.Delete(Path.Combine(s, "suite.yaml")); DropListed(s, "suite.yaml"); }, "suite.yaml", "missing: a submission carries the suite"),
        ["missing manifest"] = (s => File.Delete(Path.Combine(s, "submission.json")), "submission.json", "missing: not a submission"),
        ["a cell of another plan"] = (s => EditManifest(s, m => m["cells"]!.AsArray().Add(new JsonObject { ["key"] = new string('e', 24), ["name"] = "x", ["result_sha256"] = new string('1', 64) })), $"cells/{new string('e', 24)}.json", "a cell the plan does not have"),
        ["plugin not declared by the plan"] = (s => EditManifest(s, m => m["plugins"]!.AsArray().Add(new JsonObject { ["assembly"] = "Evil", ["version"] = "1.0", ["sha256"] = new string('f', 64), ["source"] = "shipped", ["path"] = null })), "submission.json", "plugin Evil with SHA-256 ffffffffffff… is not the one the plan's provenance declares"),
        ["plugin of the plan left out"] = (s => EditManifest(s, m => m["plugins"]!.AsArray().RemoveAt(0)), "submission.json", "of the plan's provenance is not in the submission"),
        ["stray plugin files"] = (s => { Directory.CreateDirectory(Path.Combine(s, "plugins", "Evil")); File.WriteAllText(Path.Combine(s, "plugins", "Evil", "Evil.dll"), "MZ"); Reseal(s, add: "plugins/Evil/Evil.dll"); }, "plugins/Evil/Evil.dll", "under plugins/ but in no declared plugin's folder"),
        ["an unexpected top-level file"] = (s => { File.WriteAllText(Path.Combine(s, "run.sh"), "rm -rf /"); Reseal(s, add: "run.sh"); }, "run.sh", "not part of a submission"),
        ["a leaderboard not in the published format"] = (s => { Replace(Path.Combine(s, "leaderboard.json"), "\"schema_version\": 2", "\"schema_version\": \"2\""); Reseal(s); }, "leaderboard.json", "not a leaderboard in the published format"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    [Fact]
    public void TheCorpusHasAtLeastThirtyCases() => Assert.True(Cases.Count >= 30, $"{Cases.Count} cases");

    [Theory]
    [MemberData(nameof(Names))]
    public void EachBrokenSubmissionIsRefusedNamingTheFileAndTheProblem(string name)
    {
        var (breakIt, file, problem) = Cases[name];
        var submission = TinyRun.CopyOfSubmission();
        var around = Path.GetDirectoryName(submission)!;
        breakIt(submission);
        var before = Snapshot(around);

        var verify = InProcess.Run("verify", submission);

        var refusal = verify.Err.Split('\n').FirstOrDefault(l => l.StartsWith($"refused: {file}: ", StringComparison.Ordinal) && l.Contains(problem, StringComparison.Ordinal));
        output.WriteLine(refusal ?? verify.Err);
        Assert.True(verify.Code == 2, $"exit {verify.Code}\n{verify.Out}\n{verify.Err}");
        Assert.True(refusal is not null, $"no refusal of {file} with '{problem}' in:\n{verify.Err}");
        Assert.DoesNotContain("well-formed", verify.Out, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(around));
    }

    [Fact]
    public void APluginWhoseHashDoesNotMatchItsDeclarationIsRefused()
    {
        var dir = TestPaths.TempDirectory();
        var suite = Path.Combine(dir, "plugin.yaml");
        File.WriteAllText(suite, TinyRun.SuiteText("plugin", Path.Combine(TinyRun.Root, "data"), "[identity, reads-secret]", seeds: 1));
        var plugin = TestPaths.TestPlugin("HostileSandbox");
        Assert.Equal(0, InProcess.Run("run", suite, "--out", Path.Combine(dir, "results"), "--cache", Path.Combine(TinyRun.Root, "cache"), "--plugins", plugin).Code);
        var submission = Path.Combine(dir, "submission");
        Assert.Equal(0, InProcess.Run("submit", Path.Combine(dir, "results"), "--out", submission, "--suite", suite, "--plugins", plugin).Code);
        var dll = "plugins/TestPlugin.HostileSandbox/TestPlugin.HostileSandbox.dll";
        File.AppendAllText(Path.Combine(submission, dll), "\0");
        Reseal(submission);

        var verify = InProcess.Run("verify", submission);

        output.WriteLine(verify.Err);
        Assert.Equal(2, verify.Code);
        Assert.Contains($"refused: {dll}: SHA-256 ", verify.Err, StringComparison.Ordinal);
        Assert.Contains("does not match its declaration", verify.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void ASubmissionOfAnotherVersionThanTheLeaderboardIsRefused()
    {
        var board = JsonNode.Parse(File.ReadAllText(Path.Combine(TinyRun.Results, "leaderboard.json")))!;
        board["provenance"]!["suite_sha256"] = new string('9', 64);
        var path = Path.Combine(TestPaths.TempDirectory(), "board.json");
        File.WriteAllText(path, board.ToJsonString());

        var verify = InProcess.Run("verify", TinyRun.Submission, "--leaderboard", path);

        Assert.Equal(2, verify.Code);
        Assert.Contains($"refused: submission.json: version mismatch: the suite file's SHA-256 is ", verify.Err, StringComparison.Ordinal);
        Assert.Contains($" and 9999999999999999999999999999999999999999999999999999999999999999 in {path}", verify.Err, StringComparison.Ordinal);
    }

    private static void EditManifest(string submission, Action<JsonNode> edit)
    {
        var path = Path.Combine(submission, "submission.json");
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        edit(manifest);
        File.WriteAllText(path, manifest.ToJsonString(EarlyExitBench.Harness.Storage.Json.Options));
    }

    private static void AddFile(JsonNode manifest, string path) =>
        manifest["files"]!.AsArray().Add(new JsonObject { ["path"] = path, ["size"] = 0, ["sha256"] = new string('0', 64) });

    private static void DropListed(string submission, string path) => EditManifest(submission, m =>
    {
        var files = m["files"]!.AsArray();
        files.Remove(files.First(f => (string?)f!["path"] == path));
    });

    /// <summary>Edits the first cell's result, reseals its own hash, its declared result hash and the file list.</summary>
    private static void EditCell(string submission, Action<JsonObject> edit)
    {
        var path = Path.Combine(submission, "cells", Key + ".json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var result = json["result"]!.AsObject();
        edit(result);
        var options = EarlyExitBench.Harness.Storage.Json.Options;
        var (resultText, timingText) = (result.ToJsonString(options), json["timing"]!.ToJsonString(options));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resultText + "\n" + timingText)));
        File.WriteAllText(path, $"{{\n  \"format\": 1,\n  \"sha256\": \"{hash}\",\n  \"result\": {resultText},\n  \"timing\": {timingText}\n}}\n");
        VerifyTests.Reseal(submission, Key);
    }

    private static void Reseal(string submission, string? add = null)
    {
        if (add is not null)
        {
            EditManifest(submission, m => AddFile(m, add));
        }

        VerifyTests.Reseal(submission);
    }

    private static void Replace(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, new StringBuilder(text).Replace(from, to, text.IndexOf(from, StringComparison.Ordinal), from.Length).ToString());
    }

    private static void HardLink(string path)
    {
        var outside = Path.Combine(TestPaths.TempDirectory(), "outside.txt");
        File.WriteAllText(outside, "a file of the maintainer");
        Run("ln", outside, path);
    }

    private static void Fifo(string path) => Run("mkfifo", path);

    private static void Run(string program, params string[] args)
    {
        using var process = System.Diagnostics.Process.Start(program, args);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static void Sparse(string path, long length)
    {
        using var stream = File.Create(path);
        stream.SetLength(length);
    }

    private static void Bomb(string path)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var entry = zip.CreateEntry("logits.npy", CompressionLevel.SmallestSize).Open();
        var zeros = new byte[1 << 20];
        for (var i = 0; i < 64; i++)
        {
            entry.Write(zeros);
        }
    }

    private static void Deep(string submission)
    {
        var deep = Path.Combine(submission, "a", "b", "c", "d", "e");
        Directory.CreateDirectory(deep);
        File.WriteAllText(Path.Combine(deep, "x.txt"), "x");
    }

    /// <summary>Every entry under <paramref name="root"/> with its size and time, links not followed (one points at /).</summary>
    private static SortedDictionary<string, string> Snapshot(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Walk(DirectoryInfo dir)
        {
            foreach (var entry in dir.EnumerateFileSystemInfos())
            {
                var name = Path.GetRelativePath(root, entry.FullName);
                if (entry.LinkTarget is { } target)
                {
                    entries[name] = "link to " + target;
                }
                else if (entry is DirectoryInfo sub)
                {
                    entries[name] = "dir";
                    Walk(sub);
                }
                else
                {
                    entries[name] = $"{((FileInfo)entry).Length} {entry.LastWriteTimeUtc.Ticks}";
                }
            }
        }

        Walk(new DirectoryInfo(root));
        return entries;
    }
}
