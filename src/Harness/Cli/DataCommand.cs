using System.CommandLine;
using EarlyExitBench.Harness.Data;

namespace EarlyExitBench.Harness.Cli;

/// <summary>
/// <c>eebench data get NAME [--root DIR] [--from FILE]...</c>: fetches a standard dataset from its official address (or
/// takes the archive fetched by hand), checks the pinned checksums and unpacks it atomically into <c>DIR/NAME</c>.
/// Exit code 0 when the folder is complete, 2 for a bad name or file (a checksum that does not match), 3 when offline.
/// </summary>
internal static class DataCommand
{
    public static Command Create(CliIO io)
    {
        var name = new Argument<string>("name") { Description = "Dataset: " + string.Join(", ", DatasetCatalog.All.Select(d => d.Name)) };
        var root = new Option<string?>("--root") { Description = $"Data root; the dataset goes into ROOT/NAME (default: ${DatasetCatalog.RootVariable}, else ~/.local/share/eebench/datasets)" };
        var from = new Option<string[]>("--from") { Description = "Archive(s) fetched by hand, used instead of downloading (checksums are checked)", AllowMultipleArgumentsPerToken = true };
        var get = new Command("get", "Download (or take --from), verify and unpack a standard dataset") { name, root, from };
        get.SetAction(parse => CliSupport.Guarded(parse, io, null, _ =>
        {
            var dataset = DatasetCatalog.Find(parse.GetValue(name)!);
            var folder = Path.Combine(Path.GetFullPath(parse.GetValue(root) ?? DatasetCatalog.DefaultRoot()), dataset.Name);
            var files = parse.GetValue(from) ?? [];
            var installed = DatasetInstaller.Ensure(dataset, folder, files, ReferenceEquals(io.Errors, Console.Error) ? DownloadProgress.Terminal : null, CancellationToken.None);
            io.Out.WriteLine(installed
                ? $"{dataset.Name}: {folder} (MD5 checked: {string.Join(", ", dataset.Files.Select(f => $"{f.FileName} {f.Md5}"))})"
                : $"{dataset.Name}: {folder} is already complete; nothing to do");
            io.Out.WriteLine($"use it with: datasets: [{{ alias: {dataset.Name}, options: {{ path: {folder} }} }}]");
            return ExitCodes.Ok;
        }));
        return new Command("data", "Standard datasets: eebench data get NAME") { get };
    }
}
