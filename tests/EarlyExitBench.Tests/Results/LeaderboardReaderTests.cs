using System.Text;
using System.Text.Json.Nodes;
using EarlyExitBench.Harness.Cli;
using EarlyExitBench.Harness.Leaderboard;
using EarlyExitBench.Harness.Results;
using EarlyExitBench.Tests.Support;

namespace EarlyExitBench.Tests.Results;

/// <summary>
/// The one reader of the published format: report, claims and compare give the same answer for the same file, a
/// leaderboard written before the format had its own types still reads, and every problem of a damaged file is named by
/// its JSON path (and line) with exit code 2.
/// </summary>
[Collection("Console")]
public class LeaderboardReaderTests
{
    /// <summary>Written by <c>eebench evaluate --bundle examples/tiny-bundle.npz</c> at 906e1b6, before Results/ existed.</summary>
    private static readonly string Old = Path.Combine(TestPaths.RepoRoot, "tests", "EarlyExitBench.Tests", "Fixtures", "Leaderboards", "schema-2.json");

    private const string Raw = "\"@raw@\"";

    /// <summary>
    /// Each damaged file: how it is made from the fixture (a change to the JSON; <see cref="Raw"/> is then replaced by text
    /// JSON nodes cannot hold) and every JSON path the message must name.
    /// </summary>
    public static TheoryData<string, string[]> Damaged => new()
    {
        { "score-nan-string-beside-unknown-key", ["$.groups[0].entries[0].efficiency.score", "$.groups[0].entries[0].bogus"] },
        { "score-1e999", ["$.groups[0].entries[0].efficiency.score"] },
        { "groups-given-twice", ["$.groups"] },
        { "entry-without-rank", ["$.groups[0].entries[0]"] },
        { "dataset-a-number", ["$.groups[0].dataset"] },
        { "calibrator-null", ["$.groups[0].entries[0].calibrator"] },
        { "unknown-top-level-key", ["$.extra"] },
        { "metric-a-string", ["$.groups[0].entries[0].per_exit[0].ece"] },
        { "score-above-one", ["$.groups[0].entries[0].efficiency.score"] },
        { "unknown-budget", ["$.groups[0].entries[0].efficiency.accuracy_at_budget['0.3']"] },
        { "proxy-nan-string", ["$.groups[0].entries[0].per_seed[0].proxies.ece"] },
        { "better-sideways", ["$.metrics[0].better"] },
        { "rank-ci-three-items", ["$.groups[0].entries[0].rank_ci"] },
        { "exit-cost-zero", ["$.groups[0].exits[0].cost"] },
        { "total-seconds-1e999", ["$.timing.total_seconds"] },
        { "total-seconds-a-string", ["$.timing.total_seconds"] },
        { "root-an-array", ["$"] },
        { "entry-key-given-twice", ["$.groups[0].entries[0].calibrator"] },
        { "unknown-key-in-environment", ["$.environment.extra"] },
    };

    private static string Make(string name)
    {
        var json = JsonNode.Parse(File.ReadAllText(Old))!;
        var entry = json["groups"]![0]!["entries"]![0]!;
        var text = (string?)null;
        switch (name)
        {
            case "score-nan-string-beside-unknown-key":
                entry["efficiency"]!["score"] = "NaN";
                entry["bogus"] = 1;
                break;
            case "score-1e999":
                entry["efficiency"]!["score"] = "@raw@";
                text = "1e999";
                break;
            case "groups-given-twice":
                return Indented(json).Replace("\"schema_version\": 2,", "\"schema_version\": 2,\n  \"groups\": [],", StringComparison.Ordinal);
            case "entry-without-rank":
                entry.AsObject().Remove("rank");
                break;
            case "dataset-a-number":
                json["groups"]![0]!["dataset"] = 5;
                break;
            case "calibrator-null":
                entry["calibrator"] = null;
                break;
            case "unknown-top-level-key":
                json["extra"] = 1;
                break;
            case "metric-a-string":
                entry["per_exit"]![0]!["ece"] = "0.1";
                break;
            case "score-above-one":
                entry["efficiency"]!["score"] = 1.5;
                break;
            case "unknown-budget":
                entry["efficiency"]!["accuracy_at_budget"]!["0.3"] = 0.5;
                break;
            case "proxy-nan-string":
                entry["per_seed"]![0]!["proxies"]!["ece"] = "NaN";
                break;
            case "better-sideways":
                json["metrics"]![0]!["better"] = "sideways";
                break;
            case "rank-ci-three-items":
                entry["rank_ci"] = new JsonArray(1, 2, 3);
                break;
            case "exit-cost-zero":
                json["groups"]![0]!["exits"]![0]!["cost"] = 0;
                break;
            case "total-seconds-1e999":
                json["timing"]!["total_seconds"] = "@raw@";
                text = "1e999";
                break;
            case "total-seconds-a-string":
                json["timing"]!["total_seconds"] = "12";
                break;
            case "root-an-array":
                return "[]";
            case "entry-key-given-twice":
                entry["calibrator"] = "@twice@";
                return json.ToJsonString().Replace("\"calibrator\":\"@twice@\"", "\"calibrator\":\"identity\",\"calibrator\":\"temperature\"", StringComparison.Ordinal);
            case "unknown-key-in-environment":
                json["environment"]!["extra"] = 1;
                break;
            default:
                throw new ArgumentException(name);
        }

        var written = Indented(json);
        return text is null ? written : written.Replace(Raw, text, StringComparison.Ordinal);
    }

    private static string Indented(JsonNode json) => json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    [Theory]
    [MemberData(nameof(Damaged))]
    public void ADamagedLeaderboardIsRefusedAlikeByReportClaimsAndCompareNamingEveryPath(string name, string[] paths)
    {
        var dir = TestPaths.TempDirectory();
        var path = Path.Combine(dir, name + ".json");
        File.WriteAllText(path, Make(name));

        var report = InProcess.Run("report", path, "--out", Path.Combine(dir, "report"));
        var claims = InProcess.Run("claims", path);
        var compare = InProcess.Run("compare", path, Old);

        foreach (var (code, _, errors) in new[] { report, claims, compare })
        {
            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Equal(report.Err, errors);
        }

        var message = report.Err;
        Assert.StartsWith($"eebench: {path}: ", message, StringComparison.Ordinal);
        foreach (var expected in paths)
        {
            Assert.Matches($@"(?m)^  {System.Text.RegularExpressions.Regex.Escape(expected)} (\(line \d+\))?: ", message);
        }

        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("constructor parameter", message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLineOfAProblemIsTheLineOfItsValue()
    {
        var text = Make("score-above-one");
        var expected = text[..text.IndexOf("\"score\": 1.5", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var ex = Assert.Throws<InvalidDataException>(() => LeaderboardReader.Parse(Encoding.UTF8.GetBytes(text), "x.json"));

        Assert.Contains($"  $.groups[0].entries[0].efficiency.score (line {expected}): must be at most 1, found 1.5", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyGivenTwiceNamesBothLines()
    {
        var text = Make("groups-given-twice");
        var both = text.Split('\n').Select((l, i) => (Line: l, Number: i + 1)).Where(p => p.Line.StartsWith("  \"groups\": [", StringComparison.Ordinal)).Select(p => p.Number).ToList();

        var ex = Assert.Throws<InvalidDataException>(() => LeaderboardReader.Parse(Encoding.UTF8.GetBytes(text), "x.json"));

        Assert.Equal(2, both.Count);
        Assert.Contains($"  $.groups (line {both[1]}): key given twice (first at line {both[0]})", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotJsonNamesLineAndColumn()
    {
        var ex = Assert.Throws<InvalidDataException>(() => LeaderboardReader.Parse("{\n  \"schema_version\": 2,\n  oops\n}"u8, "x.json"));

        Assert.StartsWith("x.json: not a leaderboard: not valid JSON at line 3, column 3: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGzippedLeaderboardReadsAsItsJson()
    {
        var gz = Path.Combine(TestPaths.TempDirectory(), "leaderboard.json.gz");
        using (var file = File.Create(gz))
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal))
        {
            gzip.Write(File.ReadAllBytes(Old));
        }

        var plain = Path.Combine(TestPaths.TempDirectory(), "plain.json");
        var gzipped = Path.Combine(TestPaths.TempDirectory(), "gzipped.json");
        LeaderboardWriter.Write(plain, LeaderboardReader.Read(Old));
        LeaderboardWriter.Write(gzipped, LeaderboardReader.Read(gz));

        Assert.Equal(File.ReadAllText(plain), File.ReadAllText(gzipped));
    }

    [Fact]
    public void AFileNamedGzThatIsNotGzipSaysSo()
    {
        var fake = Path.Combine(TestPaths.TempDirectory(), "leaderboard.json.gz");
        File.Copy(Old, fake);

        var ex = Assert.Throws<InvalidDataException>(() => LeaderboardReader.Read(fake));

        Assert.StartsWith($"{fake}: not a gzip file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALeaderboardOfThePreviousFormatIsReadAndWrittenBackUnchanged()
    {
        var copy = Path.Combine(TestPaths.TempDirectory(), "copy.json");

        LeaderboardWriter.Write(copy, LeaderboardReader.Read(Old));

        Assert.Equal(File.ReadAllText(Old), File.ReadAllText(copy));
    }

    [Fact]
    public void AnotherSchemaVersionIsRefusedNamingIt()
    {
        var json = JsonNode.Parse(File.ReadAllText(Old))!;
        json["schema_version"] = 1;

        var ex = Assert.Throws<InvalidDataException>(() => LeaderboardReader.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()), "old.json"));

        Assert.StartsWith("old.json: schema_version 1; this eebench reads schema_version 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AByteOrderMarkIsSkippedByEveryCommand()
    {
        var dir = TestPaths.TempDirectory();
        var bom = Path.Combine(dir, "bom.json");
        File.WriteAllBytes(bom, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(Old)]);

        Assert.Equal(ExitCodes.Ok, InProcess.Run("report", bom, "--out", Path.Combine(dir, "report")).Code);
        Assert.Equal(InProcess.Run("claims", Old).Out, InProcess.Run("claims", bom).Out);
        Assert.Equal(ExitCodes.Ok, InProcess.Run("compare", bom, Old).Code);
        Assert.Equal(LeaderboardReader.Read(Old).Groups[0].Entries[0].Efficiency.Score, LeaderboardReader.Read(bom).Groups[0].Entries[0].Efficiency.Score);
    }
}
