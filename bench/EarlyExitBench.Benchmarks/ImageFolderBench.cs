using System.Diagnostics;
using System.Globalization;
using EarlyExitBench.Harness.Data;
using EarlyExitBench.Harness.Training;
using static TorchSharp.torch;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// <c>image-folder --path DIR [--resize 56] [--crop 48] [--batch 256] [--threads 2] [--stream always|never]</c>: reads the
/// train/ split of an image folder as a run does (streamed: <see cref="BatchPrefetcher"/> decodes, resizes and crops
/// batches ahead, in parallel) and turns every batch into a normalised float tensor (<see cref="Batches.Make"/>), as
/// torchvision's ImageFolder + Resize + CenterCrop + ToTensor + Normalize through a DataLoader does. Prints one line of
/// JSON: images, seconds, images/s, and the process's peak RSS (VmHWM) in MiB. Half of bench/image-folder-vs-torchvision.sh.
/// </summary>
internal static class ImageFolderBench
{
    public static int Run(string[] args)
    {
        var path = Option(args, "--path", string.Empty);
        var batch = int.Parse(Option(args, "--batch", "256"), CultureInfo.InvariantCulture);
        set_num_threads(int.Parse(Option(args, "--threads", "2"), CultureInfo.InvariantCulture));
        var options = new ImageFolderOptions
        {
            Path = path,
            Resize = int.Parse(Option(args, "--resize", "56"), CultureInfo.InvariantCulture),
            Crop = int.Parse(Option(args, "--crop", "48"), CultureInfo.InvariantCulture),
            Stream = Option(args, "--stream", "always"),
            Mean = [0.485, 0.456, 0.406],
            Std = [0.229, 0.224, 0.225],
        };
        var watch = Stopwatch.StartNew();
        var train = new ImageFolderSource(options).Load(CancellationToken.None).Train; // lists the files; decodes them unless streamed
        var order = Enumerable.Range(0, train.Count).ToArray();
        double checksum = 0;
        var batches = train.Reader is null
            ? order.Chunk(batch).Select(c => (train, c))
            : BatchPrefetcher.Batches(train, order, batch).Select(b => (b, Enumerable.Range(0, b.Count).ToArray()));
        foreach (var (set, indices) in batches)
        {
            using var scope = NewDisposeScope();
            var (images, _) = Batches.Make(set, indices, CPU);
            checksum += images.mean().item<float>(); // the tensor is used, so nothing is skipped
        }

        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"side\": \"eebench\", \"images\": {train.Count}, \"seconds\": {seconds:F2}, \"images_per_s\": {train.Count / seconds:F0}, \"peak_rss_mib\": {PeakRssMiB():F0}, \"stream\": \"{options.Stream}\", \"mean\": {checksum / Math.Ceiling(train.Count / (double)batch):F4}}}"));
        return 0;
    }

    private static double PeakRssMiB()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) ?? "VmHWM: 0 kB";
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
