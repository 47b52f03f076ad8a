using System.IO.Compression;
using System.Text;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Testing;

/// <summary>
/// Every exit's logits on a validation and a test split, with labels and per-exit costs: what the host hands calibrators,
/// failure predictors, exit policies and metrics, made up deterministically. Later exits are more accurate, and every exit
/// is overconfident (its logits are scaled up), so a calibrator has something to fix. <see cref="WriteNpz"/> writes it in
/// the bundle format <c>eebench evaluate --bundle</c> reads.
/// </summary>
/// <param name="ValidationLogits">Per exit, n_val × C logits.</param>
/// <param name="ValidationLabels">Validation labels.</param>
/// <param name="TestLogits">Per exit, n_test × C logits.</param>
/// <param name="TestLabels">Test labels.</param>
/// <param name="ExitCosts">Cumulative cost (FLOPs) to reach each exit, increasing.</param>
public sealed record SyntheticBundle(IReadOnlyList<ClassMatrix> ValidationLogits, int[] ValidationLabels, IReadOnlyList<ClassMatrix> TestLogits, int[] TestLabels, double[] ExitCosts)
{
    /// <summary>The number of exits.</summary>
    public int Exits => ValidationLogits.Count;

    /// <summary>The number of classes.</summary>
    public int Classes => ValidationLogits[0].Columns;

    /// <summary>Makes a bundle; the same arguments give the same bundle, bit for bit.</summary>
    /// <param name="exits">Exits K (at least 1).</param>
    /// <param name="samples">Samples per split.</param>
    /// <param name="classes">Classes C (at least 2).</param>
    /// <param name="seed">Seed of the generator.</param>
    /// <returns>The bundle.</returns>
    public static SyntheticBundle Create(int exits = 3, int samples = 600, int classes = 10, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exits, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        var (validation, validationLabels) = SyntheticLogits.Split(exits, samples, classes, seed * 2);
        var (test, testLabels) = SyntheticLogits.Split(exits, samples, classes, (seed * 2) + 1);
        var costs = Enumerable.Range(1, exits).Select(k => 1000.0 * k).ToArray();
        return new SyntheticBundle(validation, validationLabels, test, testLabels, costs);
    }

    /// <summary>The validation split as the host hands it to a failure predictor's fit: logits and their softmax.</summary>
    /// <returns>The outputs.</returns>
    public MultiExitOutputs ValidationOutputs() => Outputs(ValidationLogits);

    /// <summary>The test split as the host hands it to a confidence scorer: logits and their softmax.</summary>
    /// <returns>The outputs.</returns>
    public MultiExitOutputs TestOutputs() => Outputs(TestLogits);

    /// <summary>Writes the bundle as <c>eebench evaluate --bundle</c> reads it (an uncompressed <c>.npz</c>).</summary>
    /// <param name="path">The file to write.</param>
    public void WriteNpz(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = File.Create(path);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        Entry(zip, "val_logits", "<f4", [Exits, ValidationLabels.Length, Classes], w => Floats(w, ValidationLogits));
        Entry(zip, "val_labels", "<i8", [ValidationLabels.Length], w => Array.ForEach(ValidationLabels, l => w.Write((long)l)));
        Entry(zip, "test_logits", "<f4", [Exits, TestLabels.Length, Classes], w => Floats(w, TestLogits));
        Entry(zip, "test_labels", "<i8", [TestLabels.Length], w => Array.ForEach(TestLabels, l => w.Write((long)l)));
        Entry(zip, "exit_cost", "<f8", [Exits], w => Array.ForEach(ExitCosts, w.Write));
    }

    private static MultiExitOutputs Outputs(IReadOnlyList<ClassMatrix> logits) =>
        new(logits, [.. logits.Select(l => Probabilities.Softmax(l))]);

    private static void Floats(BinaryWriter writer, IReadOnlyList<ClassMatrix> exits)
    {
        foreach (var exit in exits)
        {
            foreach (var value in exit.Values)
            {
                writer.Write(value);
            }
        }
    }

    // One .npy (format 1.0, little-endian, C order) per array; the header padded so the data starts 64-byte aligned.
    private static void Entry(ZipArchive zip, string name, string dtype, int[] shape, Action<BinaryWriter> data)
    {
        using var stream = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression).Open();
        using var writer = new BinaryWriter(stream, Encoding.ASCII);
        var dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape);
        var header = $"{{'descr': '{dtype}', 'fortran_order': False, 'shape': ({dims}), }}";
        header = header.PadRight(((10 + header.Length + 1 + 63) / 64 * 64) - 10 - 1) + "\n";
        writer.Write((byte)0x93);
        writer.Write("NUMPY"u8);
        writer.Write((byte)1);
        writer.Write((byte)0);
        writer.Write((ushort)header.Length);
        writer.Write(Encoding.ASCII.GetBytes(header));
        data(writer);
    }
}
