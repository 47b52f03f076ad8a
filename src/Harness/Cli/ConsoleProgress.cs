using EarlyExitBench.Harness.Training;
using Spectre.Console;

namespace EarlyExitBench.Harness.Cli;

/// <summary>A Spectre.Console progress bar with the running loss; plain logs when the console is not interactive.</summary>
internal sealed class ConsoleProgress : IProgressSink
{
    public T Track<T>(string title, Func<Action<TrainingProgress>, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
        {
            return work(_ => { });
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title));
                result = work(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                    task.Description = Markup.Escape($"{title}  loss {p.Loss:F4}  acc {p.Accuracy:P1}");
                });
            });
        return result;
    }
}

/// <summary>No progress output (tests, evaluate).</summary>
public sealed class NoProgress : IProgressSink
{
    /// <inheritdoc />
    public T Track<T>(string title, Func<Action<TrainingProgress>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work(_ => { });
    }
}
