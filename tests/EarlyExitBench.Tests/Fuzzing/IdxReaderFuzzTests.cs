using System.IO.Compression;
using CsCheck;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Fuzzing;

/// <summary>Mutated IDX files (raw, gzipped, and gzip streams mutated): only <see cref="InvalidDataException"/> naming the file escapes.</summary>
[Trait("Category", Fuzz.Category)]
public class IdxReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] Images = SyntheticIdx.ImagesFile(Enumerable.Range(0, 3 * 4 * 5).Select(i => (byte)(i * 11)).ToArray(), 3, 4, 5);
    private static readonly byte[] Labels = SyntheticIdx.LabelsFile([0, 9, 4]);

    // Header fields: magic (and its type and rank bytes), count, rows, columns.
    private static readonly int[] ImageFields = [0, 2, 3, 4, 8, 12];
    private static readonly int[] LabelFields = [0, 2, 3, 4];

    [Fact]
    public void MutatedIdxFilesFailOnlyWithAnErrorNamingTheFile()
    {
        var dir = TestPaths.TempDirectory();
        var gen = Gen.Select(Mutation.Gen([]), Gen.Int[0, 2], Gen.Bool);
        Fuzz.Run("IdxReader", gen, input =>
        {
            var (edits, mode, images) = input;
            var seed = images ? Images : Labels;
            var bytes = mode switch
            {
                0 => Mutation.Apply(seed, edits, images ? ImageFields : LabelFields),
                1 => Gzip(Mutation.Apply(seed, edits, images ? ImageFields : LabelFields)),
                _ => Mutation.Apply(Gzip(seed), edits, []),
            };
            var path = Fuzz.TempFile(dir, mode == 0 ? string.Empty : ".gz");
            File.WriteAllBytes(path, bytes);
            try
            {
                if (images)
                {
                    var (pixels, count, rows, columns) = IdxReader.ReadImages(path);
                    Assert.Equal((long)count * rows * columns, pixels.LongLength);
                }
                else
                {
                    Assert.All(IdxReader.ReadLabels(path, 10), l => Assert.InRange(l, 0, 9));
                }

                return true;
            }
            catch (InvalidDataException ex) when (ex.Message.StartsWith(path + ": ", StringComparison.Ordinal))
            {
                // The documented failure: a message that names the file.
                return false;
            }
            finally
            {
                File.Delete(path);
            }
        }, input => $"mode {input.Item2}, {(input.Item3 ? "images" : "labels")}: {Mutation.Print(input.Item1)}", output);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gz.Write(bytes);
        }

        return buffer.ToArray();
    }
}
