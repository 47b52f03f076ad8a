using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EarlyExitBench.Harness.Planning;
using EarlyExitBench.Harness.Submissions;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Submissions;

/// <summary><c>eebench verify --record FILE</c>: the verification record the site reads, written whatever the verdicts.</summary>
[Collection("Console")]
public partial class VerificationRecordTests(ITestOutputHelper output)
{
    [Fact]
    public void AFaithfulSubmissionsRecordNamesItsDrawnCellVerifiedAndTheSameVerificationGivesTheSameBytesButSeconds()
    {
        var scratch = TestPaths.TempDirectory();
        var first = Path.Combine(scratch, "first.json");
        var second = Path.Combine(scratch, "again", "second.json");

        var run = InProcess.Run("verify", TinyRun.Submission, "--sample", "1", "--seed", "1", "--record", first);
        output.WriteLine(run.Out);
        Assert.True(run.Code == 0, run.Out + run.Err);
        Assert.Equal(0, InProcess.Run("verify", TinyRun.Submission, "--sample", "1", "--seed", "1", "--record", second).Code);

        var record = JsonNode.Parse(File.ReadAllText(first))!.AsObject();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(TinyRun.Submission, "submission.json")))!["pin"]!;
        var drawn = SubmissionVerifier.Draw(PlanFile.Read(TinyRun.Results), 1, 1).Single();
        Assert.Equal(new[] { "format", "submission_sha256", "eebench", "sample", "seed", "sandbox", "cells" }, record.Select(p => p.Key));
        Assert.Equal("eebench-verification/1", (string?)record["format"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(TinyRun.Submission, "submission.json")))), (string?)record["submission_sha256"]);
        Assert.Equal((string?)manifest["harness_version"], (string?)record["eebench"]!["version"]);
        Assert.Equal((string?)manifest["harness_sha256"], (string?)record["eebench"]!["sha256"]);
        Assert.Equal(1, (int)record["sample"]!);
        Assert.Equal(1, (int)record["seed"]!);
        Assert.True((bool)record["sandbox"]!);
        var cell = Assert.Single(record["cells"]!.AsArray())!;
        Assert.Equal(drawn.Key, (string?)cell["key"]);
        Assert.Equal("verified", (string?)cell["verdict"]);
        Assert.Equal("match", (string?)cell["detail"]);
        Assert.DoesNotContain(scratch, File.ReadAllText(first), StringComparison.Ordinal);

        // Only the re-run's wall-clock seconds may differ between two verifications of the same submission.
        Assert.Equal(WithoutSeconds(File.ReadAllText(first)), WithoutSeconds(File.ReadAllText(second)));
        Assert.Equal(File.ReadAllBytes(first), VerificationRecords.Serialize(VerificationRecords.Read(first)));
    }

    [Fact]
    public void AForgedSubmissionStillGetsItsRecordWithTheMismatch()
    {
        var forged = TinyRun.CopyOfSubmission();
        var cell = PlanFile.Read(TinyRun.Results).Cells[0];
        var path = Path.Combine(forged, "cells", cell.Key + ".json");
        File.WriteAllText(path, VerifyTests.Resealed(File.ReadAllText(path)));
        VerifyTests.Reseal(forged, cell.Key);
        var file = Path.Combine(TestPaths.TempDirectory(), "forged.verification.json");

        var run = InProcess.Run("verify", forged, "--sample", "2", "--seed", "1", "--record", file);

        Assert.True(run.Code == 1, run.Out + run.Err);
        var record = VerificationRecords.Read(file);
        Assert.Equal(2, record.Cells.Count);
        Assert.Equal(PlanFile.Read(TinyRun.Results).Cells.Select(c => c.Key), record.Cells.Select(c => c.Key));
        Assert.Equal(VerificationRecord.Mismatch, record.Cells[0].Verdict);
        Assert.StartsWith("mismatch: the result differs at $.", record.Cells[0].Detail, StringComparison.Ordinal);
        Assert.Equal(VerificationRecord.Verified, record.Cells[1].Verdict);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(forged, "submission.json")))), record.SubmissionSha256);
    }

    [Fact]
    public void ARefusedSubmissionGetsNoRecordAndAMalformedRecordIsNamed()
    {
        var careless = TinyRun.CopyOfSubmission();
        var cell = PlanFile.Read(TinyRun.Results).Cells[0];
        var path = Path.Combine(careless, "cells", cell.Key + ".json");
        File.WriteAllText(path, VerifyTests.Resealed(File.ReadAllText(path)));
        var file = Path.Combine(TestPaths.TempDirectory(), "refused.verification.json");

        Assert.Equal(2, InProcess.Run("verify", careless, "--record", file).Code);
        Assert.False(File.Exists(file));

        var good = new VerificationRecord(VerificationRecord.CurrentFormat, new string('a', 64), new VerifyingBuild("1.0.0", new string('b', 64)), 1, 0, true,
            [new VerifiedCell("k", VerificationRecord.Verified, "match", 1.5)]);
        VerificationRecords.Write(file, good);
        Assert.Equal(VerificationRecords.Serialize(good), VerificationRecords.Serialize(VerificationRecords.Read(file)));
        foreach (var (edit, expected) in new (Func<string, string>, string)[]
        {
            (t => t.Replace("\"verified\"", "\"probably\"", StringComparison.Ordinal), "verdict 'probably' is none of verified, mismatch, failed"),
            (t => t.Replace("eebench-verification/1", "eebench-verification/9", StringComparison.Ordinal), "format is 'eebench-verification/9'"),
            (t => t.Replace("\"sample\"", "\"when\": \"today\",\n  \"sample\"", StringComparison.Ordinal), "not a verification record"),
            (t => t.Replace(new string('a', 64), "ABC", StringComparison.Ordinal), "submission_sha256 is not a lower-case SHA-256"),
        })
        {
            var bad = Path.Combine(TestPaths.TempDirectory(), "bad.verification.json");
            File.WriteAllText(bad, edit(File.ReadAllText(file)));
            var error = Assert.Throws<InvalidDataException>(() => VerificationRecords.Read(bad));
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
            Assert.StartsWith(bad + ": ", error.Message, StringComparison.Ordinal);
        }
    }

    private static string WithoutSeconds(string text) => Seconds().Replace(text, "\"seconds\": S");

    [GeneratedRegex("\"seconds\": [0-9.]+")]
    private static partial Regex Seconds();
}
