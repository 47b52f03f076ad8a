using System.Buffers.Binary;
using System.Text;

namespace EarlyExitBench.Harness.Data;

/// <summary>
/// Reads the subset of Python's pickle format (protocols 0–4, binary opcodes) that CIFAR's python batches use: dicts,
/// lists, tuples, ints, strings and numpy arrays (as <see cref="PickleObject"/>s). Nothing is executed: a global is kept as
/// its name, and only <c>_codecs.encode</c> (Python 3's way of pickling bytes) is evaluated.
/// </summary>
internal static class PickleReader
{
    private static readonly object Mark = new();

    /// <summary>Reads one pickled value from <paramref name="data"/>. Python 2 strings come back as byte arrays.</summary>
    public static object? Read(byte[] data, string source)
    {
        var stack = new List<object?>();
        var memo = new Dictionary<long, object?>();
        var at = 0;
        try
        {
            while (true)
            {
                var op = data[at++];
                switch (op)
                {
                    case 0x80: at++; break; // PROTO
                    case 0x95: at += 8; break; // FRAME
                    case (byte)'.': return Pop(stack);
                    case (byte)'(': stack.Add(Mark); break;
                    case (byte)'}': stack.Add(new Dictionary<string, object?>(StringComparer.Ordinal)); break;
                    case (byte)']': stack.Add(new List<object?>()); break;
                    case (byte)')': stack.Add(Array.Empty<object?>()); break;
                    case (byte)'N': stack.Add(null); break;
                    case 0x88: stack.Add(true); break;
                    case 0x89: stack.Add(false); break;
                    case (byte)'K': stack.Add((long)data[at++]); break;
                    case (byte)'M': stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(at))); at += 2; break;
                    case (byte)'J': stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(at))); at += 4; break;
                    case 0x8a: stack.Add(Long(data.AsSpan(at + 1, data[at]))); at += 1 + data[at]; break;
                    case (byte)'U': stack.Add(data.AsSpan(at + 1, data[at]).ToArray()); at += 1 + data[at]; break;
                    case (byte)'C': stack.Add(data.AsSpan(at + 1, data[at]).ToArray()); at += 1 + data[at]; break;
                    case (byte)'T' or (byte)'B': { var n = Length(data, at); stack.Add(data.AsSpan(at + 4, n).ToArray()); at += 4 + n; break; }
                    case (byte)'X': { var n = Length(data, at); stack.Add(Encoding.UTF8.GetString(data, at + 4, n)); at += 4 + n; break; }
                    case 0x8c: stack.Add(Encoding.UTF8.GetString(data, at + 1, data[at])); at += 1 + data[at]; break;
                    case (byte)'c': { var module = Line(data, ref at); var name = Line(data, ref at); stack.Add(new PickleGlobal(module + "." + name)); break; }
                    case (byte)'q': memo[data[at++]] = stack[^1]; break;
                    case (byte)'r': memo[BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at))] = stack[^1]; at += 4; break;
                    case 0x94: memo[memo.Count] = stack[^1]; break;
                    case (byte)'h': stack.Add(memo[data[at++]]); break;
                    case (byte)'j': stack.Add(memo[BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at))]); at += 4; break;
                    case 0x85: stack.Add(new[] { Pop(stack) }); break;
                    case 0x86: { var b = Pop(stack); var a = Pop(stack); stack.Add(new[] { a, b }); break; }
                    case 0x87: { var c = Pop(stack); var b = Pop(stack); var a = Pop(stack); stack.Add(new[] { a, b, c }); break; }
                    case (byte)'t': stack.Add(PopMark(stack).ToArray()); break;
                    case (byte)'R': { var args = (object?[])Pop(stack)!; var callable = (PickleGlobal)Pop(stack)!; stack.Add(Reduce(callable.Name, args)); break; }
                    case (byte)'b': { var state = Pop(stack); ((PickleObject)stack[^1]!).State = state; break; }
                    case (byte)'a': { var item = Pop(stack); ((List<object?>)stack[^1]!).Add(item); break; }
                    case (byte)'e': { var items = PopMark(stack); ((List<object?>)stack[^1]!).AddRange(items); break; }
                    case (byte)'s': { var value = Pop(stack); var key = Pop(stack); ((Dictionary<string, object?>)stack[^1]!)[Key(key)] = value; break; }
                    case (byte)'u':
                        {
                            var items = PopMark(stack);
                            var dict = (Dictionary<string, object?>)stack[^1]!;
                            for (var i = 0; i + 1 < items.Count; i += 2)
                            {
                                dict[Key(items[i])] = items[i + 1];
                            }

                            break;
                        }

                    default:
                        throw new InvalidDataException($"{source}: pickle opcode 0x{op:X2} at byte {at - 1} is not one CIFAR's batches use");
                }
            }
        }
        catch (Exception ex) when (ex is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidCastException or KeyNotFoundException or NullReferenceException)
        {
            throw new InvalidDataException($"{source}: not a readable pickle ({ex.GetType().Name} near byte {at})", ex);
        }
    }

    private static object Reduce(string callable, object?[] args) =>
        callable == "_codecs.encode" && args is [string text, ..]
            ? Encoding.Latin1.GetBytes(text)
            : new PickleObject(callable, args);

    private static string Key(object? key) => key switch
    {
        string s => s,
        byte[] b => Encoding.Latin1.GetString(b),
        _ => Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static long Long(ReadOnlySpan<byte> bytes)
    {
        long value = 0;
        for (var i = bytes.Length - 1; i >= 0; i--)
        {
            value = (value << 8) | bytes[i];
        }

        return bytes.Length is > 0 and < 8 && (bytes[^1] & 0x80) != 0 ? value - (1L << (8 * bytes.Length)) : value;
    }

    private static int Length(byte[] data, int at) => checked((int)BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at)));

    private static string Line(byte[] data, ref int at)
    {
        var end = Array.IndexOf(data, (byte)'\n', at);
        var text = Encoding.ASCII.GetString(data, at, end - at);
        at = end + 1;
        return text;
    }

    private static object? Pop(List<object?> stack)
    {
        var top = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return top;
    }

    private static List<object?> PopMark(List<object?> stack)
    {
        var mark = stack.LastIndexOf(Mark);
        var items = stack.GetRange(mark + 1, stack.Count - mark - 1);
        stack.RemoveRange(mark, stack.Count - mark);
        return items;
    }

    private sealed record PickleGlobal(string Name);
}
