using Xunit.Abstractions;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Submissions;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Submissions;

/// <summary><c>eebench verify</c>: re-runs drawn cells in the sandbox and compares their results' hashes.</summary>
[Collection("Console")]
public class VerifyTests(ITestOutputHelper output)
{
    [Fact]
    public void AFaithfulSubmissionMatchesAndAResealedForgeryIsCaughtByTheRerun()
    {
        var faithful = InProcess.Run("verify", TinyRun.Submission, "--sample", "2", "--seed", "1");
        output.WriteLine(faithful.Out);
        Assert.True(faithful.Code == 0, faithful.Out + faithful.Err);
        Assert.Contains("2 of 2 re-run cell(s) match", faithful.Out, StringComparison.Ordinal);

        // A forger who edits a result and reseals every hash (the cell file's, the manifest's) passes the file checks;
        // only the re-run can tell.
        var forged = TinyRun.CopyOfSubmission();
        var plan = PlanFile.Read(TinyRun.Results);
        var cell = plan.Cells[0];
        var path = Path.Combine(forged, "cells", cell.Key + ".json");
        File.WriteAllText(path, Resealed(File.ReadAllText(path)));
        Reseal(forged, cell.Key);

        var caught = InProcess.Run("verify", forged, "--sample", "2", "--seed", "1");
        output.WriteLine(caught.Out);
        Assert.True(caught.Code == 1, caught.Out + caught.Err);
        Assert.Contains($"not reproduced: {cell.Name}: mismatch: the result differs at $.", caught.Out, StringComparison.Ordinal);
        Assert.Contains("1 of 2 re-run cell(s) do not match", caught.Out, StringComparison.Ordinal);

        // Edited without resealing: refused before anything runs.
        var careless = TinyRun.CopyOfSubmission();
        File.WriteAllText(Path.Combine(careless, "cells", cell.Key + ".json"), Resealed(File.ReadAllText(Path.Combine(careless, "cells", cell.Key + ".json"))));
        var refused = InProcess.Run("verify", careless);
        Assert.Equal(2, refused.Code);
        Assert.Contains($"refused: cells/{cell.Key}.json: does not match submission.json", refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDrawDependsOnlyOnTheSeed()
    {
        var plan = PlanFile.Read(TinyRun.Results);
        var draws = Enumerable.Range(0, 16).Select(seed => SubmissionVerifier.Draw(plan, 1, seed).Single().Key).ToList();
        Assert.Equal(draws, Enumerable.Range(0, 16).Select(seed => SubmissionVerifier.Draw(plan, 1, seed).Single().Key));
        Assert.Equal(plan.Cells.Select(c => c.Key).Order(), draws.Distinct().Order());
        Assert.Equal(plan.Cells.Select(c => c.Key), SubmissionVerifier.Draw(plan, 5, 3).Select(c => c.Key));
    }

    /// <summary>The cell file with every accuracy changed (0.x → 0.0x) and its own SHA-256 recomputed.</summary>
    internal static string Resealed(string text)
    {
        var json = JsonNode.Parse(text)!.AsObject();
        var result = json["result"]!.ToJsonString(EarlyExitBench.Harness.Storage.Json.Options).Replace("\"accuracy\": 0.", "\"accuracy\": 0.0", StringComparison.Ordinal);
        var timing = json["timing"]!.ToJsonString(EarlyExitBench.Harness.Storage.Json.Options);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(result + "\n" + timing)));
        return $"{{\n  \"format\": 1,\n  \"sha256\": \"{hash}\",\n  \"result\": {result},\n  \"timing\": {timing}\n}}\n";
    }

    /// <summary>Rewrites submission.json so that it declares the files and the cell result as they now are.</summary>
    internal static void Reseal(string submission, string? cellKey = null)
    {
        var manifestPath = Path.Combine(submission, "submission.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        if (cellKey is not null)
        {
            var stored = EarlyExitBench.Harness.Cells.CellStore.Read(Path.Combine(submission, "cells", cellKey + ".json"));
            manifest["cells"]!.AsArray().First(c => (string?)c!["key"] == cellKey)!["result_sha256"] = SubmissionValidator.ResultSha256(stored);
        }

        foreach (var file in manifest["files"]!.AsArray())
        {
            var full = Path.Combine(submission, (string)file!["path"]!);
            if (File.Exists(full))
            {
                var bytes = File.ReadAllBytes(full);
                file["size"] = bytes.LongLength;
                file["sha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes));
            }
        }

        File.WriteAllText(manifestPath, manifest.ToJsonString(EarlyExitBench.Harness.Storage.Json.Options) + "\n");
    }
}
