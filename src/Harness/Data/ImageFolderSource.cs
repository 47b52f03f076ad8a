using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using EarlyExitBench.Contracts;

namespace EarlyExitBench.Harness.Data;

/// <summary>
/// Images laid out as torchvision's ImageFolder (ImageNet's layout): <c>train/&lt;class&gt;/*.jpg|png</c> and
/// <c>val/&lt;class&gt;/…</c>, classes numbered in ordinal order of the train/ folder names. Files are decoded with
/// SkiaSharp in parallel chunks, resized (shorter side) and center-cropped. A split whose cropped images fit in
/// <see cref="InMemoryLimit"/> is decoded into one byte array (<c>stream: auto</c> or <c>never</c>); a larger one, or any
/// with <c>stream: always</c>, is streamed: its <see cref="ImageSet.Reader"/> decodes each batch when it is needed, so
/// memory does not grow with the number of images. Both paths decode with the same code and give the same bytes.
/// </summary>
internal sealed class ImageFolderSource(ImageFolderOptions options) : IDatasetSource
{
    /// <summary>Above this many bytes of cropped images, <c>stream: auto</c> streams a split (1 GiB).</summary>
    public const long InMemoryLimit = 1L << 30;

    private const int Chunk = 256;
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];

    /// <inheritdoc />
    public DatasetSplits Load(CancellationToken cancellationToken)
    {
        var root = Check(options);

        // Without train/ (a model trained elsewhere, evaluated on ImageNet's val/ alone) the classes are val/'s folders.
        var hasTrain = Directory.Exists(Path.Combine(root, "train"));
        var classFolder = Path.Combine(root, hasTrain ? "train" : "val");
        var classes = Directory.GetDirectories(classFolder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        if (classes.Length == 0)
        {
            throw new InvalidDataException($"{classFolder}: no class subfolders (expected {Path.GetFileName(classFolder)}/<class>/*.jpg|png)");
        }

        var train = hasTrain ? List(root, "train", classes) : [];
        var test = List(root, "val", classes);
        var input = new InputSpec(options.Channels, options.Crop, options.Crop, classes.Length);
        var normalization = options.Mean is null ? null : new PixelNormalization(options.Mean, options.Std!);
        return new DatasetSplits(
            "image-folder:" + Path.GetFileName(Path.TrimEndingDirectorySeparator(root)),
            Decode(train, input, normalization, cancellationToken),
            Decode(test, input, normalization, cancellationToken),
            Identity(root, train.Concat(test)));
    }

    private static string Check(ImageFolderOptions o)
    {
        var problems = new List<string>();
        if (o.Path is null)
        {
            throw new InvalidDataException("dataset 'image-folder' needs options.path: the folder holding train/ and val/, each with one subfolder per class (nothing is downloaded)");
        }

        if (!Directory.Exists(Path.Combine(o.Path, "val")))
        {
            problems.Add($"{Path.Combine(o.Path, "val")} not found (expected val/<class>/*.jpg|png, and train/<class>/… unless the model was trained elsewhere)");
        }

        if (o.Resize <= 0 || o.Crop <= 0 || o.Crop > o.Resize)
        {
            problems.Add($"resize ({o.Resize}) and crop ({o.Crop}) must be positive, with crop ≤ resize");
        }

        if (o.Stream is not ("auto" or "always" or "never"))
        {
            problems.Add($"stream is auto, always or never, got '{o.Stream}'");
        }

        if (o.Channels is not (1 or 3))
        {
            problems.Add($"channels must be 1 or 3, got {o.Channels}");
        }

        if ((o.Mean is null) != (o.Std is null) || (o.Mean is not null && (o.Mean.Length != o.Channels || o.Std!.Length != o.Channels || o.Std.Any(s => s <= 0))))
        {
            problems.Add($"mean and std go together, one value per channel ({o.Channels}), std positive");
        }

        return problems.Count == 0 ? o.Path : throw new InvalidDataException($"dataset 'image-folder' ({o.Path}): {string.Join("; ", problems)}");
    }

    private List<(string Path, int Label)> List(string root, string split, string[] classes)
    {
        var folder = Path.Combine(root, split);
        var unknown = Directory.GetDirectories(folder).Select(Path.GetFileName).Where(c => !classes.Contains(c, StringComparer.Ordinal)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidDataException($"{folder}: class folder(s) {string.Join(", ", unknown)} are not in train/");
        }

        var files = new List<(string, int)>();
        for (var label = 0; label < classes.Length; label++)
        {
            var dir = Path.Combine(folder, classes[label]);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            var images = Directory.GetFiles(dir).Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal);
            files.AddRange((options.MaxPerClass is { } max ? images.Take(max) : images).Select(f => (f, label)));
        }

        return files.Count > 0 ? files : throw new InvalidDataException($"{folder}: no .jpg, .jpeg or .png files in its class folders");
    }

    private ImageSet Decode(List<(string Path, int Label)> files, InputSpec input, PixelNormalization? normalization, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return new ImageSet([], [], input, normalization); // no train/: a pretrained model's evaluation
        }

        var bytes = (long)input.Channels * input.Height * input.Width;
        if (options.Stream == "always" || (options.Stream == "auto" && files.Count * bytes > InMemoryLimit))
        {
            var labels = files.Select(f => f.Label).ToArray();
            var reader = new ImageFolderReader(files.Select(f => f.Path).ToArray(), options.Resize, options.Crop, input.Channels);
            return new ImageSet([], labels, input, normalization) { Reader = reader };
        }

        if (files.Count * bytes > Array.MaxLength)
        {
            throw new InvalidDataException(
                $"{options.Path}: {files.Count} images of {input.Channels}×{input.Height}×{input.Width} need {files.Count * bytes / 1e9:F1} GB, more than one image set holds "
                + $"({Array.MaxLength / 1e9:F1} GB, about {Array.MaxLength / bytes} such images): use stream: always (or auto), or lower max_per_class or crop");
        }

        var size = (int)bytes;

        var pixels = new byte[files.Count * size];
        for (var start = 0; start < files.Count; start += Chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                Parallel.For(start, Math.Min(start + Chunk, files.Count), i =>
                    ImageDecoder.ResizeCropInto(files[i].Path, options.Resize, options.Crop, input.Channels, pixels.AsSpan(i * size, size)));
            }
            catch (AggregateException ex) when (ex.InnerExceptions[0] is InvalidDataException bad)
            {
                ExceptionDispatchInfo.Capture(bad).Throw(); // one bad file, named, rather than a wrapper
            }
        }

        return new ImageSet(pixels, files.Select(f => f.Label).ToArray(), input, normalization);
    }

    private string Identity(string root, IEnumerable<(string Path, int Label)> files)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"{options.Resize}|{options.Crop}|{options.Channels}|{string.Join(',', options.Mean ?? [])}|{string.Join(',', options.Std ?? [])}\n"));
        foreach (var (path, label) in files)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(root, path)}|{new FileInfo(path).Length}|{label}\n");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
