using System.Text;

namespace EarlyExitBench.Tests.Support;

/// <summary>
/// Writes a CIFAR python batch as CIFAR's own files are written (Python 2 cPickle, protocol 2): a dict with byte-string
/// keys, the pixels as a numpy uint8 array (<c>numpy.core.multiarray._reconstruct</c> + BUILD with the raw bytes as a
/// BINSTRING), labels as a list of small ints. Python 3 reads it with <c>pickle.load(f, encoding='bytes')</c>, as
/// torchvision does.
/// </summary>
internal static class Py2Pickle
{
    public static byte[] CifarBatch(byte[] pixels, int rows, IReadOnlyList<(string Key, int[] Values)> labels, string batchLabel)
    {
        using var s = new MemoryStream();
        s.Write([0x80, 2, (byte)'}', (byte)'q', 1, (byte)'(']);
        Str(s, "data");
        s.Write([(byte)'q', 2]);
        Ascii(s, "cnumpy.core.multiarray\n_reconstruct\nq\u0003cnumpy\nndarray\nq\u0004K\u0000\u0085");
        Str(s, "b");
        s.Write([0x87, (byte)'R', (byte)'q', 5, (byte)'(', (byte)'K', 1]);
        Int(s, rows);
        Int(s, 3072);
        s.WriteByte(0x86);
        Ascii(s, "cnumpy\ndtype\nq\u0006");
        Str(s, "u1");
        s.Write([(byte)'K', 0, (byte)'K', 1, 0x87, (byte)'R', (byte)'q', 7, (byte)'(', (byte)'K', 3]);
        Str(s, "|");
        s.Write([(byte)'N', (byte)'N', (byte)'N', (byte)'J', 0xff, 0xff, 0xff, 0xff, (byte)'J', 0xff, 0xff, 0xff, 0xff, (byte)'K', 0, (byte)'t', (byte)'b', 0x89]);
        s.WriteByte((byte)'T');
        s.Write(BitConverter.GetBytes(pixels.Length));
        s.Write(pixels);
        s.Write([(byte)'t', (byte)'b']);
        foreach (var (key, values) in labels)
        {
            Str(s, key);
            s.Write([(byte)']', (byte)'(']);
            foreach (var v in values)
            {
                Int(s, v);
            }

            s.WriteByte((byte)'e');
        }

        Str(s, "batch_label");
        Str(s, batchLabel);
        s.Write([(byte)'u', (byte)'.']);
        return s.ToArray();
    }

    private static void Str(Stream s, string text)
    {
        s.WriteByte((byte)'U');
        s.WriteByte((byte)text.Length);
        Ascii(s, text);
    }

    private static void Ascii(Stream s, string text) => s.Write(Encoding.Latin1.GetBytes(text));

    private static void Int(Stream s, int value)
    {
        if (value < 256)
        {
            s.Write([(byte)'K', (byte)value]);
        }
        else
        {
            s.Write([(byte)'M', (byte)(value & 0xff), (byte)(value >> 8)]);
        }
    }
}
