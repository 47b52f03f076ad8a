using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Plugins;
using EarlyExitBench.Harness.Training;
using EarlyExitBench.Tests.Support;
using SkiaSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Data;

/// <summary>The image-folder dataset on a small folder of images generated here, PNG (lossless) and JPEG.</summary>
public class ImageFolderSourceTests
{
    // Each pixel's colour encodes its position and the image, so crops and channel order can be checked exactly.
    private static SKColor Color(int image, int x, int y) => new((byte)((x * 20) + image), (byte)((y * 10) + 1), (byte)(200 - image));

    private static void Write(string path, int width, int height, int image, SKEncodedImageFormat format = SKEncodedImageFormat.Png)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, Color(image, x, y));
            }
        }

        using var data = bitmap.Encode(format, 95);
        File.WriteAllBytes(path, data.ToArray());
    }

    private static IDatasetSource Source(ImageFolderOptions options)
    {
        var registrar = new CapturingRegistrar();
        BuiltInDatasets.Register(registrar);
        return registrar.Dataset("image-folder", options);
    }

    private static string Folder()
    {
        // train: cat (2 images), dog (1); val: dog (1), cat (1). Portrait 8×12 images: the shorter side is already 8.
        var root = TestPaths.TempDirectory();
        Write(Path.Combine(root, "train", "dog", "a.png"), 8, 12, image: 3);
        Write(Path.Combine(root, "train", "cat", "b.png"), 8, 12, image: 1);
        Write(Path.Combine(root, "train", "cat", "a.png"), 8, 12, image: 0);
        Write(Path.Combine(root, "val", "dog", "x.png"), 8, 12, image: 5);
        Write(Path.Combine(root, "val", "cat", "y.PNG"), 8, 12, image: 6);
        File.WriteAllText(Path.Combine(root, "train", "cat", "notes.txt"), "not an image");
        return root;
    }

    [Fact]
    public void ReadsClassesInOrdinalOrderAndCropsTheCentreInPlanarOrder()
    {
        var root = Folder();

        var splits = Source(new ImageFolderOptions { Path = root, Resize = 8, Crop = 4 }).Load(CancellationToken.None);

        Assert.Equal(new InputSpec(3, 4, 4, 2), splits.Train.Input);
        Assert.Equal([0, 0, 1], splits.Train.Labels);  // cat/a, cat/b, dog/a
        Assert.Equal([0, 1], splits.Test.Labels);      // val/cat/y.PNG, val/dog/x.png
        Assert.Null(splits.Train.Normalization);

        // 8×12 stays 8×12; the 4×4 crop starts at column (8−4)/2 = 2 and row (12−4)/2 = 4.
        var images = new[] { (splits.Train, 0, 0), (splits.Train, 1, 1), (splits.Train, 2, 3), (splits.Test, 0, 6), (splits.Test, 1, 5) };
        foreach (var (set, index, image) in images)
        {
            for (var y = 0; y < 4; y++)
            {
                for (var x = 0; x < 4; x++)
                {
                    var expected = Color(image, x + 2, y + 4);
                    var at = (index * 48) + (y * 4) + x;
                    Assert.Equal((expected.Red, expected.Green, expected.Blue), (set.Pixels[at], set.Pixels[at + 16], set.Pixels[at + 32]));
                }
            }
        }
    }

    [Fact]
    public void ResizesTheShorterSideAndKeepsTheAspectRatio()
    {
        // 16×8, left half red and right half blue; resize 4 → 8×4, crop 4 → resized columns 2..5.
        var root = TestPaths.TempDirectory();
        var path = Path.Combine(root, "train", "a", "wide.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var bitmap = new SKBitmap(16, 8))
        {
            for (var y = 0; y < 8; y++)
            {
                for (var x = 0; x < 16; x++)
                {
                    bitmap.SetPixel(x, y, x < 8 ? SKColors.Red : SKColors.Blue);
                }
            }

            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            File.WriteAllBytes(path, data.ToArray());
        }

        Directory.CreateDirectory(Path.Combine(root, "val", "a"));
        File.Copy(path, Path.Combine(root, "val", "a", "wide.png"));

        var set = Source(new ImageFolderOptions { Path = root, Resize = 4, Crop = 4, Channels = 1 }).Load(CancellationToken.None).Train;

        Assert.Equal(new InputSpec(1, 4, 4, 1), set.Input);
        Assert.Equal(76, set.Pixels[0]);  // red to grey: round(0.299·255)
        Assert.Equal(29, set.Pixels[3]);  // blue: round(0.114·255)
    }

    [Fact]
    public void DecodesJpegAndAppliesTheNormalisationInBatches()
    {
        var root = TestPaths.TempDirectory();
        Write(Path.Combine(root, "train", "only", "a.jpg"), 10, 10, image: 0, SKEncodedImageFormat.Jpeg);
        Write(Path.Combine(root, "val", "only", "b.jpeg"), 10, 10, image: 0, SKEncodedImageFormat.Jpeg);

        var splits = Source(new ImageFolderOptions { Path = root, Resize = 10, Crop = 10, Mean = [0.5, 0.25, 0], Std = [0.5, 0.25, 1] }).Load(CancellationToken.None);

        // JPEG is lossy: the blue channel (200 − 0 everywhere) comes back within a few levels.
        Assert.InRange(splits.Test.Pixels[(2 * 100) + 55], 190, 210);
        using var scope = NewDisposeScope();
        var (images, _) = Batches.Make(splits.Test, [0], CPU);
        var blue = splits.Test.Pixels[(2 * 100) + 55];
        var red = splits.Test.Pixels[55];
        Assert.Equal(blue / 255f, images[0, 2, 5, 5].item<float>(), 5);
        Assert.Equal(((red / 255f) - 0.5f) / 0.5f, images[0, 0, 5, 5].item<float>(), 5);
    }

    [Fact]
    public void SuiteOptionsBindFromSnakeCase()
    {
        var catalog = PluginHost.Load([TestPaths.Plugins], Loggers.Silent, BuiltInDatasets.Register);
        Assert.True(catalog[PluginKind.Dataset].TryGet("image-folder", out var registration));

        var options = (ImageFolderOptions)OptionsBinder.Bind(registration.OptionsType, new()
        {
            ["path"] = "/data/imagenet", ["resize"] = 160, ["crop"] = 128, ["channels"] = 3,
            ["mean"] = new System.Text.Json.Nodes.JsonArray(0.485, 0.456, 0.406), ["std"] = new System.Text.Json.Nodes.JsonArray(0.229, 0.224, 0.225),
            ["max_per_class"] = 50,
        });

        Assert.Equal((160, 128, 50), (options.Resize, options.Crop, options.MaxPerClass));
        Assert.Equal([0.229, 0.224, 0.225], options.Std!);
    }

    [Fact]
    public void MaxPerClassTakesTheFirstFilesByName()
    {
        var splits = Source(new ImageFolderOptions { Path = Folder(), Resize = 8, Crop = 8, MaxPerClass = 1 }).Load(CancellationToken.None);

        Assert.Equal([0, 1], splits.Train.Labels);
        Assert.Equal(Color(0, 0, 2).Red, splits.Train.Pixels[0]); // cat/a.png, crop rows 2..9
    }

    [Fact]
    public void BadInputIsReportedWithThePathAndTheProblem()
    {
        var root = Folder();
        Assert.Contains("crop ≤ resize", Assert.Throws<InvalidDataException>(() => Source(new ImageFolderOptions { Path = root, Resize = 4, Crop = 8 }).Load(CancellationToken.None)).Message, StringComparison.Ordinal);
        Assert.Contains("one value per channel", Assert.Throws<InvalidDataException>(() => Source(new ImageFolderOptions { Path = root, Mean = [0.5] , Std = [0.5] }).Load(CancellationToken.None)).Message, StringComparison.Ordinal);

        Directory.CreateDirectory(Path.Combine(root, "val", "bird"));
        var unknown = Assert.Throws<InvalidDataException>(() => Source(new ImageFolderOptions { Path = root, Resize = 8, Crop = 8 }).Load(CancellationToken.None));
        Assert.Equal($"{Path.Combine(root, "val")}: class folder(s) bird are not in train/", unknown.Message);
        Directory.Delete(Path.Combine(root, "val", "bird"));

        var tooBig = Assert.Throws<InvalidDataException>(() => Source(new ImageFolderOptions { Path = root, Resize = 30_000, Crop = 30_000, Stream = "never" }).Load(CancellationToken.None));
        Assert.Equal($"{root}: 3 images of 3×30000×30000 need 8.1 GB, more than one image set holds (2.1 GB, about 0 such images): use stream: always (or auto), or lower max_per_class or crop", tooBig.Message);
        Assert.NotNull(Source(new ImageFolderOptions { Path = root, Resize = 30_000, Crop = 30_000 }).Load(CancellationToken.None).Train.Reader); // auto streams it

        var broken = Path.Combine(root, "train", "dog", "broken.png");
        File.WriteAllText(broken, "not a png");
        var ex = Assert.Throws<InvalidDataException>(() => Source(new ImageFolderOptions { Path = root, Resize = 8, Crop = 8 }).Load(CancellationToken.None));
        Assert.Equal($"{broken}: not a decodable JPEG or PNG image", ex.Message);

        var empty = TestPaths.TempDirectory();
        var missing = Assert.Throws<InvalidDataException>(() => Source(new ImageFolderOptions { Path = empty }).Load(CancellationToken.None));
        Assert.Contains($"{Path.Combine(empty, "val")} not found (expected val/<class>/*.jpg|png, and train/<class>/… unless the model was trained elsewhere)", missing.Message, StringComparison.Ordinal);
    }
}
