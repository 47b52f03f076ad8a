using System.IO.Compression;

namespace EarlyExitBench.Harness.Data;

/// <summary>
/// Unpacks <c>tiny-imagenet-200.zip</c> into the <c>image-folder</c> layout: <c>train/&lt;wnid&gt;/images/X.JPEG</c> becomes
/// <c>train/&lt;wnid&gt;/X.JPEG</c>, and <c>val/images/X.JPEG</c> goes to <c>val/&lt;wnid&gt;/X.JPEG</c> by
/// <c>val/val_annotations.txt</c>. The unlabelled <c>test/</c> images are left out.
/// </summary>
internal static class TinyImageNetArchive
{
    private const string Top = "tiny-imagenet-200/";

    /// <summary>Writes <c>train/</c> and <c>val/</c> into <paramref name="folder"/>, checking every validation image is annotated.</summary>
    public static void Unpack(string archive, string folder, CancellationToken cancellationToken)
    {
        using var zip = ZipFile.OpenRead(archive);
        var annotations = zip.GetEntry(Top + "val/val_annotations.txt")
            ?? throw new InvalidDataException($"{archive}: no {Top}val/val_annotations.txt (not Tiny ImageNet's archive)");
        var classOf = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(annotations.Open()))
        {
            while (reader.ReadLine() is { } line)
            {
                var fields = line.Split('\t');
                if (fields.Length >= 2 && Safe(fields[0]) && Safe(fields[1]))
                {
                    classOf[fields[0]] = fields[1];
                }
                else if (line.Length > 0)
                {
                    throw new InvalidDataException($"{archive}: val_annotations.txt line '{line}' is not 'file<TAB>wnid<TAB>…'");
                }
            }
        }

        var trainClasses = new HashSet<string>(StringComparer.Ordinal);
        var (train, val) = (0, 0);
        foreach (var entry in zip.Entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parts = entry.FullName.Split('/');
            string? target = null;
            if (parts is ["tiny-imagenet-200", "train", var wnid, "images", var file] && Safe(wnid) && IsImage(file))
            {
                target = Path.Combine(folder, "train", wnid, file);
                trainClasses.Add(wnid);
                train++;
            }
            else if (parts is ["tiny-imagenet-200", "val", "images", var image] && IsImage(image))
            {
                var wnidOfImage = classOf.GetValueOrDefault(image) ?? throw new InvalidDataException($"{archive}: {entry.FullName} has no line in val_annotations.txt");
                target = Path.Combine(folder, "val", wnidOfImage, image);
                val++;
            }

            if (target is not null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target);
            }
        }

        var unknown = classOf.Values.Distinct().Where(c => !trainClasses.Contains(c)).ToArray();
        if (train == 0 || val == 0 || unknown.Length > 0 || val != classOf.Count)
        {
            throw new InvalidDataException(
                $"{archive}: {train} training images in {trainClasses.Count} classes, {val} validation images for {classOf.Count} annotations"
                + (unknown.Length > 0 ? $"; validation classes not in train/: {string.Join(", ", unknown.Take(5))}" : string.Empty));
        }
    }

    private static bool IsImage(string name) => Safe(name) && name.EndsWith(".JPEG", StringComparison.OrdinalIgnoreCase);

    // One plain path segment: never '..', a separator or empty, so nothing lands outside the folder.
    private static bool Safe(string segment) => segment.Length > 0 && segment != "." && segment != ".." && segment.IndexOfAny(['/', '\\', '\0']) < 0;
}
