using System.Buffers;
using System.Text;

namespace EarlyExitBench.Harness.Suites;

/// <summary>Decodes a suite's bytes as strict UTF-8 text: a bad byte or a control character is an error with its offset, never a silent U+FFFD.</summary>
internal static class SuiteText
{
    private const int MaxReported = 10;

    /// <summary>The text, or null after adding one error per invalid sequence or control character (the first few) to <paramref name="errors"/>.</summary>
    public static string? Decode(byte[] bytes, string file, List<SuiteError> errors)
    {
        var start = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var bad = new List<SuiteError>();
        var (line, column) = (1, 1);
        for (var offset = start; offset < bytes.Length;)
        {
            var status = Rune.DecodeFromUtf8(bytes.AsSpan(offset), out var rune, out var consumed);
            var control = status == OperationStatus.Done && Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r' or 0x85);
            if (status != OperationStatus.Done || control)
            {
                if (bad.Count == MaxReported)
                {
                    bad.Add(new SuiteError(new SourceLocation(file, line, column), "more invalid UTF-8 follows; not listed"));
                    break;
                }

                // YAML allows no control characters but tab and line breaks; YamlDotNet even reads NUL as the end of the file.
                bad.Add(new SuiteError(new SourceLocation(file, line, column), control
                    ? $"control character U+{rune.Value:X4} at byte offset {offset}; a suite is plain text"
                    : $"{(status == OperationStatus.NeedMoreData ? "a truncated UTF-8 sequence" : $"invalid UTF-8 (byte 0x{bytes[offset]:X2})")} at byte offset {offset}; save the suite as UTF-8"));
            }
            else if (bytes[offset] == (byte)'\n')
            {
                (line, column) = (line + 1, 0);
            }

            offset += Math.Max(1, consumed);
            column++;
        }

        if (bad.Count > 0)
        {
            errors.AddRange(bad);
            return null;
        }

        return Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}
