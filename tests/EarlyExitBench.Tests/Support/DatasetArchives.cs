using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using SkiaSharp;

namespace EarlyExitBench.Tests.Support;

/// <summary>Tiny archives in the published formats of CIFAR's python version, Tiny ImageNet's zip and MNIST's gzipped IDX files.</summary>
internal static class DatasetArchives
{
    /// <summary>A byte that differs by sample, channel, row and column.</summary>
    public static byte Pixel(int sample, int channel, int row, int column) => (byte)((sample * 31) + (channel * 101) + (row * 7) + (column * 3));

    public static string Md5(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    /// <summary>
    /// cifar-10-python.tar.gz (or cifar-100-python.tar.gz) with <paramref name="perBatch"/> images in every batch; sample i
    /// (numbered across batches, the test batch last) has label i % 10 (CIFAR-100: fine (i * 7) % 100, coarse i % 20).
    /// </summary>
    public static byte[] CifarPython(int classes, int perBatch)
    {
        var (folder, batches) = classes == 10
            ? ("cifar-10-batches-py", new[] { "data_batch_1", "data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch" })
            : ("cifar-100-python", new[] { "train", "test" });
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gz, TarEntryFormat.Gnu))
        {
            tar.WriteEntry(new GnuTarEntry(TarEntryType.Directory, folder + "/"));
            var sample = 0;
            foreach (var batch in batches)
            {
                var ids = Enumerable.Range(sample, perBatch).ToArray();
                sample += perBatch;
                var pixels = new byte[perBatch * 3072];
                for (var i = 0; i < perBatch; i++)
                {
                    for (var c = 0; c < 3; c++)
                    {
                        for (var y = 0; y < 32; y++)
                        {
                            for (var x = 0; x < 32; x++)
                            {
                                pixels[(i * 3072) + (c * 1024) + (y * 32) + x] = Pixel(ids[i], c, y, x);
                            }
                        }
                    }
                }

                var labels = classes == 10
                    ? new[] { ("labels", ids.Select(i => i % 10).ToArray()) }
                    : new[] { ("fine_labels", ids.Select(i => (i * 7) % 100).ToArray()), ("coarse_labels", ids.Select(i => i % 20).ToArray()) };
                var bytes = Py2Pickle.CifarBatch(pixels, perBatch, labels, $"batch {batch}");
                tar.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, $"{folder}/{batch}") { DataStream = new MemoryStream(bytes) });
            }

            tar.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, $"{folder}/readme.html") { DataStream = new MemoryStream("<html/>"u8.ToArray()) });
        }

        return output.ToArray();
    }

    /// <summary>
    /// tiny-imagenet-200.zip with the given classes: <paramref name="train"/> JPEGs per class under train/WNID/images/,
    /// <paramref name="val"/> per class in val/images/ listed in val/val_annotations.txt, and one unlabelled test image.
    /// Image colours depend on class and index.
    /// </summary>
    public static byte[] TinyImageNetZip(string[] wnids, int train, int val, int size = 64)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "tiny-imagenet-200/wnids.txt", string.Join("\n", wnids) + "\n");
            var annotations = new System.Text.StringBuilder();
            var v = 0;
            for (var c = 0; c < wnids.Length; c++)
            {
                for (var i = 0; i < train; i++)
                {
                    Bytes(zip, $"tiny-imagenet-200/train/{wnids[c]}/images/{wnids[c]}_{i}.JPEG", Jpeg(size, c, i));
                }

                Text(zip, $"tiny-imagenet-200/train/{wnids[c]}/{wnids[c]}_boxes.txt", string.Empty);
                for (var i = 0; i < val; i++, v++)
                {
                    Bytes(zip, $"tiny-imagenet-200/val/images/val_{v}.JPEG", Jpeg(size, c, 100 + i));
                    annotations.Append(System.Globalization.CultureInfo.InvariantCulture, $"val_{v}.JPEG\t{wnids[c]}\t0\t0\t{size - 1}\t{size - 1}\n");
                }
            }

            Text(zip, "tiny-imagenet-200/val/val_annotations.txt", annotations.ToString());
            Bytes(zip, "tiny-imagenet-200/test/images/test_0.JPEG", Jpeg(size, 0, 999));
        }

        return output.ToArray();
    }

    /// <summary>A size×size JPEG whose colour encodes class and index.</summary>
    public static byte[] Jpeg(int size, int cls, int index)
    {
        using var bitmap = new SKBitmap(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                bitmap.SetPixel(x, y, new SKColor((byte)(cls * 80 % 256), (byte)((index * 13) + x), (byte)(y * 3)));
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>The four gzipped IDX files of an MNIST-like set: name → bytes.</summary>
    public static Dictionary<string, byte[]> IdxGz(int train, int test)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (prefix, count) in new[] { ("train", train), ("t10k", test) })
        {
            var pixels = Enumerable.Range(0, count * 28 * 28).Select(i => (byte)(i % 251)).ToArray();
            var labels = Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray();
            files[$"{prefix}-images-idx3-ubyte.gz"] = Gzip(Support.SyntheticIdx.ImagesFile(pixels, count));
            files[$"{prefix}-labels-idx1-ubyte.gz"] = Gzip(Support.SyntheticIdx.LabelsFile(labels));
        }

        return files;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(bytes);
        }

        return output.ToArray();
    }

    private static void Text(ZipArchive zip, string name, string text) => Bytes(zip, name, System.Text.Encoding.UTF8.GetBytes(text));

    private static void Bytes(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(bytes);
    }
}
