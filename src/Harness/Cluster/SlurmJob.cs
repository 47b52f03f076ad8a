using System.Globalization;
using System.Text;

namespace EarlyExitBench.Harness.Cluster;

/// <summary>
/// An sbatch array job over a suite's shards plus a merge job that runs after all of them succeed. Slurm only
/// distributes: each task is a plain <c>eebench run --shard</c> into its own folder on a shared filesystem.
/// </summary>
/// <param name="Suite">The suite path, exactly as the shards and an unsharded run will name it.</param>
/// <param name="Shards">Number of shards (array tasks).</param>
/// <param name="Output">Base results folder: shards write <c>shard-I-of-N</c> below it; the merge writes into it.</param>
/// <param name="WorkingDirectory">Where the jobs start (relative paths are resolved from here).</param>
/// <param name="Eebench">The command that runs eebench, e.g. <c>"/usr/bin/dotnet" "/opt/eebench/eebench.dll"</c>.</param>
/// <param name="ExtraArguments">Arguments every task passes on (e.g. <c>--cache DIR</c>, <c>--plugins DIR</c>).</param>
/// <param name="Partition">Slurm partition, or null.</param>
/// <param name="Time">Time limit per task (Slurm syntax), or null.</param>
/// <param name="GpusPerTask">GPUs per task, or null.</param>
/// <param name="CpusPerTask">CPUs per task.</param>
public sealed record SlurmJob(
    string Suite,
    int Shards,
    string Output,
    string WorkingDirectory,
    string Eebench,
    IReadOnlyList<string> ExtraArguments,
    string? Partition,
    string? Time,
    int? GpusPerTask,
    int CpusPerTask)
{
    /// <summary>The job name Slurm shows.</summary>
    public string Name => "eebench-" + new string(Path.GetFileNameWithoutExtension(Suite).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    /// <summary>Folder of the scripts and the tasks' logs.</summary>
    public string ScriptFolder => Path.Combine(Output, "slurm");

    /// <summary>The array job: task <c>SLURM_ARRAY_TASK_ID</c> runs shard <c>ID+1</c> of <see cref="Shards"/>.</summary>
    public string ShardScript()
    {
        var text = Header($"{Name}", $"shard-%a.out");
        text.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --array=0-{Shards - 1}");
        AppendResources(text);
        text.AppendLine("set -euo pipefail");
        text.AppendLine(CultureInfo.InvariantCulture, $"cd {Quote(WorkingDirectory)}");
        text.AppendLine("shard=$((SLURM_ARRAY_TASK_ID + 1))");
        text.AppendLine("status=0");
        text.AppendLine(CultureInfo.InvariantCulture, $"{Eebench} run {Quote(Suite)} --shard \"$shard/{Shards}\" --out {Quote(Output)}\"/shard-$shard-of-{Shards}\"{Extra()} || status=$?");
        text.AppendLine("# 1: the shard finished, but some plugin calls failed. Those failures are in its cell results and the merge lists");
        text.AppendLine("# them, so the task counts as done and the merge (afterok) still runs; any other code blocks the merge.");
        text.AppendLine("if [ \"$status\" -eq 1 ]; then status=0; fi");
        text.AppendLine("exit \"$status\"");
        return text.ToString();
    }

    /// <summary>The merge job; submit it with <c>--dependency=afterok:ARRAY_JOB_ID</c>.</summary>
    public string MergeScript()
    {
        var text = Header($"{Name}-merge", "merge.out");
        text.AppendLine("set -euo pipefail");
        text.AppendLine(CultureInfo.InvariantCulture, $"cd {Quote(WorkingDirectory)}");
        var folders = string.Join(' ', Enumerable.Range(1, Shards).Select(i => Quote(Path.Combine(Output, $"shard-{i}-of-{Shards}"))));
        text.AppendLine(CultureInfo.InvariantCulture, $"exec {Eebench} merge {folders} --out {Quote(Output)}");
        return text.ToString();
    }

    /// <summary>A script that submits both jobs, the merge after every shard succeeded; prints both job ids.</summary>
    public string SubmitScript() => $"""
        #!/bin/bash
        # Submits the {Shards} shards of {Suite} and, after all of them succeed, the merge.
        set -euo pipefail
        shards=$(sbatch --parsable {Quote(Path.Combine(ScriptFolder, "shards.sbatch"))})
        shards=${"{"}shards%%;*{"}"}
        merge=$(sbatch --parsable --dependency=afterok:$shards {Quote(Path.Combine(ScriptFolder, "merge.sbatch"))})
        echo "shards job $shards, merge job ${"{"}merge%%;*{"}"}"

        """;

    private StringBuilder Header(string name, string log)
    {
        var text = new StringBuilder();
        text.AppendLine("#!/bin/bash");
        text.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --job-name={name}");
        text.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --output={Path.Combine(ScriptFolder, log)}");
        text.AppendLine("#SBATCH --ntasks=1");
        if (Partition is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --partition={Partition}");
        }

        if (Time is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --time={Time}");
        }

        return text;
    }

    private void AppendResources(StringBuilder text)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={CpusPerTask}");
        if (GpusPerTask is { } gpus)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"#SBATCH --gpus-per-task={gpus}");
        }
    }

    private string Extra() => ExtraArguments.Count == 0 ? string.Empty : " " + string.Join(' ', ExtraArguments.Select(Quote));

    /// <summary>Single-quotes for bash.</summary>
    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
