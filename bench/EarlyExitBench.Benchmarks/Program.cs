using BenchmarkDotNet.Running;

namespace EarlyExitBench.Benchmarks;

/// <summary>
/// Entry point: <c>dotnet run -c Release --project bench/EarlyExitBench.Benchmarks -- --filter '*'</c> for
/// BenchmarkDotNet, <c>-- side-by-side [options]</c> for the TorchSharp half of <c>bench/side-by-side.sh</c>, or
/// <c>-- measure-cell [options]</c> for wall-clock early exit on Fashion-MNIST end to end, <c>-- arch-figures [options]</c>
/// for every architecture's costs (analytic and counted), throughput and accuracy, <c>-- vit-forward [options]</c> for the TorchSharp half of <c>bench/vit-vs-pytorch.sh</c>, <c>-- coverage [options]</c> for the claims' interval coverage (see <c>bench/claims-coverage.sh</c>), or <c>-- engine [options]</c>
/// for the evaluation of one method on a bundle (see <c>bench/eval-vs-numpy.sh</c>), <c>-- image-folder [options]</c> for
/// reading an image folder (see <c>bench/image-folder-vs-torchvision.sh</c>), <c>-- site-submissions [options]</c> for
/// synthetic submissions to build the site from (see <c>bench/site-scale.sh</c>).
/// </summary>
public static class BenchmarkProgram
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "side-by-side")
        {
            return SideBySide.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "coverage")
        {
            return CoverageSimulation.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "msdnet-vs-pytorch")
        {
            return MsdNetVsPyTorch.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "engine")
        {
            return EngineBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "measure-cell")
        {
            return MeasureCellDemo.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "image-folder")
        {
            return ImageFolderBench.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "vit-forward")
        {
            return VitForward.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "site-submissions")
        {
            return SyntheticSubmissions.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "arch-figures")
        {
            return ArchitectureFigures.Run(args[1..]);
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
