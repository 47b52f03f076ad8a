using System.IO.Compression;
using System.Text;
using CsCheck;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Bundles;
using EarlyExitBench.Tests.Support;
using Xunit.Abstractions;

namespace EarlyExitBench.Tests.Fuzzing;

/// <summary>
/// Mutated logits bundles: the zip itself, or one .npy inside a well-formed zip (header text and data), stored or
/// deflated. Only <see cref="InvalidDataException"/> naming the file escapes <see cref="BundleFile.Read"/>.
/// </summary>
[Trait("Category", Fuzz.Category)]
public class NpzReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[][] Tokens = new[]
    {
        "(", ")", ",", " ", "L", "-1", "0", "4294967296", "99999999999999999999", "'<f8'", "'<i4'", "'|u1'", "'<U3'",
        "'<f4'", "'<i8'", "True", "{", "}", "'shape': (", "'descr': '", "'fortran_order': True, ",
    }.Select(Encoding.ASCII.GetBytes).ToArray();

    private static readonly (string Name, byte[] Npy)[] Entries = ReadEntries(SeedBundle());

    [Fact]
    public void MutatedBundlesFailOnlyWithAnErrorNamingTheFile()
    {
        var dir = TestPaths.TempDirectory();
        var gen = Gen.Select(Mutation.Gen(Tokens), Gen.Int[0, Entries.Length], Gen.Bool);
        Fuzz.Run("Npz/BundleFile", gen, input =>
        {
            var (edits, entry, deflate) = input;
            var path = Fuzz.TempFile(dir, ".npz");
            File.WriteAllBytes(path, entry == Entries.Length
                ? Mutation.Apply(Zip(Entries, deflate), edits, [])
                : Zip(Entries.Select((e, i) => i == entry ? (e.Name, Mutation.Apply(e.Npy, edits, HeaderOffsets(e.Npy))) : e).ToArray(), deflate));
            try
            {
                var bundle = BundleFile.Read(path);
                Assert.Equal(bundle.ValidationLogits.Count, bundle.ExitCost.Length);
                Assert.All(bundle.TestLabels, l => Assert.InRange(l, 0, bundle.Classes - 1));

                return true;
            }
            catch (InvalidDataException ex) when (ex.Message.StartsWith(path + ":", StringComparison.Ordinal))
            {
                // The documented failure: a message that names the file (and the array).
                return false;
            }
            finally
            {
                File.Delete(path);
            }
        }, input => $"{(input.Item2 == Entries.Length ? "zip bytes" : Entries[input.Item2].Name)}{(input.Item3 ? " deflated" : string.Empty)}: {Mutation.Print(input.Item1)}", output);
    }

    // Every byte of the magic, version, header length and header text: most of what a parser can trip on.
    private static int[] HeaderOffsets(byte[] npy) => Enumerable.Range(0, Math.Min(npy.Length, 10 + BitConverter.ToUInt16(npy, 8))).ToArray();

    private static byte[] SeedBundle()
    {
        var random = new Random(3);
        ClassMatrix M(int n) => new(Enumerable.Range(0, n * 4).Select(_ => (float)random.NextDouble()).ToArray(), n, 4);
        var path = Path.Combine(TestPaths.TempDirectory(), "seed.npz");
        BundleFile.Write(path, new LogitsBundle([M(3), M(3)], [0, 1, 3], [M(2), M(2)], [2, 1], [10.0, 25.0], "toy", "two-exit"));
        return File.ReadAllBytes(path);
    }

    private static (string Name, byte[] Npy)[] ReadEntries(byte[] npz)
    {
        using var zip = new ZipArchive(new MemoryStream(npz), ZipArchiveMode.Read);
        return zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return (e.FullName, buffer.ToArray());
        }).ToArray();
    }

    private static byte[] Zip((string Name, byte[] Npy)[] entries, bool deflate)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, npy) in entries)
            {
                using var stream = zip.CreateEntry(name, deflate ? CompressionLevel.Fastest : CompressionLevel.NoCompression).Open();
                stream.Write(npy);
            }
        }

        return buffer.ToArray();
    }
}
