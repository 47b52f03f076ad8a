using EarlyExitBench.Harness.Pipeline;
using Spectre.Console;

namespace EarlyExitBench.Harness.Cli;

/// <summary>A Spectre.Console progress bar with the running loss; plain logs when the console is not interactive.</summary>
internal sealed class ConsoleProgress : IProgressSink
{
    public T Track<T>(string title, Func<Action<int, int, double>, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
        {
            return work((_, _, _) => { });
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title));
                result = work((done, total, loss) =>
                {
                    task.MaxValue = total;
                    task.Value = done;
                    task.Description = Markup.Escape($"{title}  loss {loss:F4}");
                });
            });
        return result;
    }
}

/// <summary>No progress output (tests, evaluate).</summary>
public sealed class NoProgress : IProgressSink
{
    /// <inheritdoc />
    public T Track<T>(string title, Func<Action<int, int, double>, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return work((_, _, _) => { });
    }
}
