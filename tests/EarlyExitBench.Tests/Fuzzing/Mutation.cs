using System.Buffers.Binary;
using CsCheck;

namespace EarlyExitBench.Tests.Fuzzing;

/// <summary>
/// One edit of a valid file: flip or set a byte, truncate, delete or insert a run, or overwrite a 32-bit field with a
/// boundary value. <see cref="At"/> is a fraction of the length, or an index into the format's hot offsets (header fields).
/// </summary>
internal sealed record Mutation(int Kind, double At, int Length, int Value, bool Hot, bool BigEndian, byte[] Insert)
{
    private static readonly int[] Boundaries = [0, 1, -1, 2, 255, 256, 65_535, 1 << 24, int.MaxValue, int.MinValue];

    /// <summary>One to four edits; <paramref name="tokens"/> are byte strings worth inserting (format syntax).</summary>
    public static Gen<Mutation[]> Gen(IReadOnlyList<byte[]> tokens) =>
        CsCheck.Gen.Select(
            CsCheck.Gen.Int[0, 6],
            CsCheck.Gen.Double[0, 1],
            CsCheck.Gen.Int[1, 64],
            CsCheck.Gen.Int,
            CsCheck.Gen.Bool,
            CsCheck.Gen.Bool,
            CsCheck.Gen.OneOf(CsCheck.Gen.Byte.Array[1, 8], CsCheck.Gen.Int[0, Math.Max(0, tokens.Count - 1)].Select(i => tokens.Count == 0 ? [0] : tokens[i])),
            (kind, at, length, value, hot, bigEndian, insert) => new Mutation(kind, at, length, value, hot, bigEndian, insert))
        .Array[1, 4];

    /// <summary>Applies <paramref name="edits"/> in order to a copy of <paramref name="seed"/>.</summary>
    public static byte[] Apply(byte[] seed, IEnumerable<Mutation> edits, IReadOnlyList<int> hotOffsets)
    {
        var bytes = seed.ToList();
        foreach (var edit in edits)
        {
            edit.ApplyTo(bytes, hotOffsets);
        }

        return bytes.ToArray();
    }

    /// <summary>Readable form for CsCheck's failure report.</summary>
    public static string Print(Mutation[] edits) => string.Join("; ", edits.Select(e => e.ToString()));

    /// <inheritdoc />
    public override string ToString() =>
        $"{Kind switch { 0 => "flip", 1 => "set", 2 => "truncate", 3 => "delete", 4 => "insert", 5 => "int32", _ => "repeat" }}"
        + $"(at {(Hot ? "hot " : string.Empty)}{At:F4}, len {Length}, value {Value}{(BigEndian ? ", BE" : string.Empty)}, bytes {Convert.ToHexString(Insert)})";

    private void ApplyTo(List<byte> bytes, IReadOnlyList<int> hotOffsets)
    {
        var position = Hot && hotOffsets.Count > 0
            ? hotOffsets[(int)(At * hotOffsets.Count) % hotOffsets.Count]
            : (int)(At * bytes.Count);
        position = Math.Clamp(position, 0, bytes.Count);
        var inside = position < bytes.Count;
        switch (Kind)
        {
            case 0 when inside:
                bytes[position] ^= (byte)(1 << (Value & 7));
                break;
            case 1 when inside:
                bytes[position] = (byte)Boundaries[(Value & int.MaxValue) % Boundaries.Length];
                break;
            case 2:
                bytes.RemoveRange(position, bytes.Count - position);
                break;
            case 3:
                bytes.RemoveRange(position, Math.Min(Length, bytes.Count - position));
                break;
            case 4:
                bytes.InsertRange(position, Insert);
                break;
            case 5:
                var field = new byte[4];
                var number = (Value & 1) == 0 ? Boundaries[(Value >>> 1) % Boundaries.Length] : Value;
                if (BigEndian)
                {
                    BinaryPrimitives.WriteInt32BigEndian(field, number);
                }
                else
                {
                    BinaryPrimitives.WriteInt32LittleEndian(field, number);
                }

                for (var i = 0; i < 4 && position + i < bytes.Count; i++)
                {
                    bytes[position + i] = field[i];
                }

                break;
            case 6 when inside:
                bytes.InsertRange(position, bytes.GetRange(position, Math.Min(Length, bytes.Count - position)));
                break;
        }
    }
}
