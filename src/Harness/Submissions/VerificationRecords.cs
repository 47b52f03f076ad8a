using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Submissions;

/// <summary>Makes, writes and reads <see cref="VerificationRecord"/>s (<c>eebench verify --record</c>, <c>eebench site</c>).</summary>
public static class VerificationRecords
{
    private static readonly JsonSerializerOptions Strict = new(Json.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    /// <summary>The record of <paramref name="verdicts"/>, re-run from <paramref name="check"/> as <paramref name="options"/> say.</summary>
    public static VerificationRecord Of(SubmissionCheck check, VerifyOptions options, IReadOnlyList<CellVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(verdicts);
        var build = SubmissionVerifier.Build();
        return new VerificationRecord(
            VerificationRecord.CurrentFormat,
            SubmissionValidator.Sha256(check.Files[SubmissionManifest.FileName]),
            build,
            options.Sample,
            options.Seed,
            options.Isolate,
            verdicts.Select(v => new VerifiedCell(v.Key, VerdictOf(v), v.Verdict, Math.Round(v.Seconds, 1))).ToList());
    }

    /// <summary>The record's bytes: indented snake_case JSON, UTF-8 without a byte-order mark, one final newline.</summary>
    public static byte[] Serialize(VerificationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(record, Json.Options).ReplaceLineEndings("\n") + "\n");
    }

    /// <summary>Writes <paramref name="record"/> to <paramref name="path"/>, making its folder.</summary>
    public static void Write(string path, VerificationRecord record)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllBytes(path, Serialize(record));
    }

    /// <summary>Reads the record at <paramref name="path"/>, strictly.</summary>
    /// <exception cref="InvalidDataException">Not JSON, an unknown or missing key, another format, or a value out of its range; the message names the file.</exception>
    public static VerificationRecord Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        VerificationRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<VerificationRecord>(File.ReadAllBytes(path), Strict);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a verification record ({VerificationRecord.CurrentFormat}): {ex.Message.Split(" Path:", 2)[0].TrimEnd()} at {ex.Path ?? "$"}", ex);
        }

        var problems = Problems(record).ToList();
        return problems.Count == 0
            ? record!
            : throw new InvalidDataException($"{path}: not a verification record ({VerificationRecord.CurrentFormat}): {string.Join("; ", problems)}");
    }

    private static IEnumerable<string> Problems(VerificationRecord? record)
    {
        if (record is null)
        {
            yield return "null";
            yield break;
        }

        if (record.Format != VerificationRecord.CurrentFormat)
        {
            yield return $"format is '{record.Format}', this eebench reads '{VerificationRecord.CurrentFormat}'";
        }

        if (!IsSha256(record.SubmissionSha256))
        {
            yield return "submission_sha256 is not a lower-case SHA-256";
        }

        if (record.Sample < 0)
        {
            yield return "sample is negative";
        }

        foreach (var cell in record.Cells)
        {
            if (cell.Verdict is not (VerificationRecord.Verified or VerificationRecord.Mismatch or VerificationRecord.Failed))
            {
                yield return $"cell {cell.Key}: verdict '{cell.Verdict}' is none of {VerificationRecord.Verified}, {VerificationRecord.Mismatch}, {VerificationRecord.Failed}";
            }

            if (!double.IsFinite(cell.Seconds) || cell.Seconds < 0)
            {
                yield return $"cell {cell.Key}: seconds must be a finite number ≥ 0";
            }
        }

        foreach (var twice in record.Cells.GroupBy(c => c.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"cell {twice.Key} is listed {twice.Count()} times";
        }
    }

    private static bool IsSha256(string text) => text.Length == 64 && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private static string VerdictOf(CellVerdict verdict) =>
        verdict.Match ? VerificationRecord.Verified : verdict.Got is null ? VerificationRecord.Failed : VerificationRecord.Mismatch;
}
