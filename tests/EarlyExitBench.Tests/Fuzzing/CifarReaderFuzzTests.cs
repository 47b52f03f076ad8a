using CsCheck;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Fuzzing;

/// <summary>Mutated CIFAR-10/100 binary batches: only <see cref="InvalidDataException"/> naming the file escapes.</summary>
[Trait("Category", Fuzz.Category)]
public class CifarReaderFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void MutatedCifarBatchesFailOnlyWithAnErrorNamingTheFile()
    {
        var dir = TestPaths.TempDirectory();
        var gen = Gen.Select(Mutation.Gen([]), Gen.Bool);
        Fuzz.Run("CifarReader", gen, input =>
        {
            var (edits, cifar100) = input;
            var (labelBytes, classes) = cifar100 ? (2, 100) : (1, 10);
            var record = labelBytes + CifarReader.ImageBytes;
            var seed = Batch(3, labelBytes, classes);
            // Label bytes of every record, and the record boundaries.
            var fields = Enumerable.Range(0, 3).SelectMany(i => new[] { i * record, (i * record) + labelBytes - 1 }).ToArray();
            var path = Fuzz.TempFile(dir, ".bin");
            File.WriteAllBytes(path, Mutation.Apply(seed, edits, fields));
            try
            {
                var (pixels, labels) = CifarReader.Read([path], labelBytes, classes);
                Assert.Equal(labels.Length * CifarReader.ImageBytes, pixels.Length);
                Assert.All(labels, l => Assert.InRange(l, 0, classes - 1));

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
        }, input => $"{(input.Item2 ? "cifar100" : "cifar10")}: {Mutation.Print(input.Item1)}", output);
    }

    private static byte[] Batch(int records, int labelBytes, int classes)
    {
        var record = labelBytes + CifarReader.ImageBytes;
        var bytes = new byte[records * record];
        for (var i = 0; i < records; i++)
        {
            bytes[(i * record) + labelBytes - 1] = (byte)((i * 7) % classes);
            for (var p = labelBytes; p < record; p++)
            {
                bytes[(i * record) + p] = (byte)(p * (i + 1));
            }
        }

        return bytes;
    }
}
