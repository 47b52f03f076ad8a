namespace EarlyExitBench.Harness.Plugins;

/// <summary>
/// The one boundary every plugin call crosses: an exception, a null result or a call that outlives its time limit
/// becomes a <see cref="PluginFailure"/> naming the plugin and what it was doing, so the caller can fail just that cell
/// or method and go on.
/// </summary>
public static class PluginCall
{
    /// <summary>How long a call that was told to stop at its time limit may take to return before it is abandoned.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="call"/> as <paramref name="plugin"/> doing <paramref name="stage"/>.</summary>
    /// <remarks>
    /// Cancellation and out-of-memory pass through untouched. So does <see cref="InvalidDataException"/> from a
    /// dataset: <see cref="Contracts.IDatasetSource"/> documents it as "a missing or corrupt file", which is bad input
    /// (exit code 2) rather than a plugin bug.
    /// </remarks>
    public static T Run<T>(PluginKind kind, string plugin, string stage, Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var name = PluginKinds.Describe(kind);
        try
        {
            return call() ?? throw new PluginFailure(name, plugin, stage, "returned null");
        }
        catch (Exception ex) when (ex is not (PluginFailure or OperationCanceledException or OutOfMemoryException)
            && !(kind == PluginKind.Dataset && ex is InvalidDataException))
        {
            throw new PluginFailure(name, plugin, stage, $"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    /// <summary>Runs <paramref name="call"/> through <see cref="Run{T}(PluginKind, string, string, Func{T})"/> as the plugin <paramref name="plugin"/> resolves to.</summary>
    public static T Run<T>(ResolvedPlugin plugin, string stage, Func<T> call)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        return Run(plugin.Registration.Kind, plugin.Label, stage, call);
    }

    /// <summary>
    /// Runs <paramref name="call"/> as <paramref name="plugin"/> doing <paramref name="stage"/>, for at most
    /// <paramref name="timeout"/>. At the limit the token the call received is cancelled; a call that still has not
    /// returned <see cref="Grace"/> later (it ignores its token) is abandoned on its thread. Either way the caller gets a
    /// <see cref="PluginFailure"/> "timed out after N s" and goes on. Cancelling <paramref name="cancellationToken"/>
    /// (the run's) cancels the call's token too and returns at once with <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="plugin">The plugin called.</param>
    /// <param name="stage">What it is doing, for the failure record.</param>
    /// <param name="timeout">The limit; <see cref="Timeout.InfiniteTimeSpan"/> runs the call on this thread without one.</param>
    /// <param name="cancellationToken">The run's token.</param>
    /// <param name="call">The call; it receives the token to pass to the plugin.</param>
    public static T Run<T>(ResolvedPlugin plugin, string stage, TimeSpan timeout, CancellationToken cancellationToken, Func<CancellationToken, T> call)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        ArgumentNullException.ThrowIfNull(call);
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return Run(plugin, stage, () => call(cancellationToken));
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var work = OnOwnThread(plugin, stage, () => call(deadline.Token));
        if (!Finished(work, timeout, cancellationToken))
        {
            try
            {
                deadline.Cancel();
            }
            catch (AggregateException)
            {
                // A callback the plugin registered on its token threw: it is timed out all the same.
            }

            cancellationToken.ThrowIfCancellationRequested();
            var stopped = Finished(work, timeout < Grace ? timeout : Grace, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var seconds = timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            if (stopped)
            {
                deadline.Dispose();
            }
            else
            {
                // Abandoned: its token source lives as long as the call, and whatever it throws in the end is observed here.
                _ = work.ContinueWith(t => { _ = t.Exception; deadline.Dispose(); }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }

            throw new PluginFailure(PluginKinds.Describe(plugin.Registration.Kind), plugin.Label, stage, stopped
                ? $"timed out after {seconds} s (cancelled through its token)"
                : $"timed out after {seconds} s; it ignored its cancellation token and was abandoned");
        }

        deadline.Dispose();
        return Run(plugin, stage, () => work.GetAwaiter().GetResult());
    }

    /// <summary>
    /// Starts <paramref name="call"/> on a thread of its own, so that the caller can stop waiting: a call that never
    /// returns keeps only that thread (a background one, which does not hold the process open). Not a pool thread: the
    /// callers are often pool threads themselves (the evaluation runs its exits in parallel), and pool threads blocked
    /// on work queued to the same pool starve it. The pool then adds a thread about every 50 ms; on 2 cores that made an
    /// `evaluate` of perf_ref's bundle 0.2 s slower (1.83 s; 1.63 s with a thread per call).
    /// </summary>
    private static Task<T> OnOwnThread<T>(ResolvedPlugin plugin, string stage, Func<T> call)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                result.SetResult(call());
            }
            catch (Exception ex)
            {
                result.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = $"plugin {plugin.Label}: {stage}",
        };
        thread.Start();
        return result.Task;
    }

    /// <summary>Waits for <paramref name="work"/> up to <paramref name="timeout"/> or until the run is cancelled; true when it finished.</summary>
    private static bool Finished(Task work, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return work.Wait(timeout, cancellationToken) || work.IsCompleted;
        }
        catch (AggregateException)
        {
            return true; // it finished by throwing; the caller rethrows through Run
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return work.IsCompleted;
        }
    }
}
