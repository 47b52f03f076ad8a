using System.Diagnostics;
using EarlyExitBench.Contracts;
using EarlyExitBench.Harness.Plugins;

namespace EarlyExitBench.Tests.Plugins;

/// <summary>The one plugin-call guard with a time limit: in time, cancelled through the token, abandoned, or the run cancelled.</summary>
public class PluginCallTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(50);

    private static readonly ResolvedPlugin Plugin = new(
        "slow", new PluginRegistration(PluginKind.Calibrator, "slow", "test", "Test 1.0", "/nowhere/Test.dll", typeof(NoOptions), (_, _) => new object()), new NoOptions());

    [Fact]
    public void ACallWithinItsLimitReturnsItsValueAndSeesALiveToken()
    {
        var result = PluginCall.Run(Plugin, "fit", Limit, CancellationToken.None, token => token.CanBeCanceled && !token.IsCancellationRequested ? "ok" : "bad token");

        Assert.Equal("ok", result);
    }

    [Fact]
    public void ThrowsAndNullsBecomeFailuresAsWithoutALimit()
    {
        var thrown = Assert.Throws<PluginFailure>(() => PluginCall.Run<string>(Plugin, "fit", Limit, CancellationToken.None, _ => throw new InvalidOperationException("boom")));
        var returnedNull = Assert.Throws<PluginFailure>(() => PluginCall.Run<string>(Plugin, "fit", Limit, CancellationToken.None, _ => null!));

        Assert.Equal(("calibrator", "slow", "fit", "InvalidOperationException: boom"), (thrown.Kind, thrown.Plugin, thrown.Stage, thrown.Detail));
        Assert.Equal("returned null", returnedNull.Detail);
    }

    [Fact]
    public void ACallThatWatchesItsTokenIsCancelledAtTheLimit()
    {
        var sawCancellation = false;
        var clock = Stopwatch.StartNew();

        var failure = Assert.Throws<PluginFailure>(() => PluginCall.Run<string>(Plugin, "fit", Limit, CancellationToken.None, token =>
        {
            token.WaitHandle.WaitOne();
            sawCancellation = token.IsCancellationRequested;
            token.ThrowIfCancellationRequested();
            return "never";
        }));

        Assert.Equal("timed out after 0.3 s (cancelled through its token)", failure.Detail);
        Assert.True(sawCancellation);
        Assert.True(clock.Elapsed >= Limit, $"returned after {clock.Elapsed}");
    }

    [Fact]
    public void ACallThatIgnoresItsTokenIsAbandonedAfterTheLimitAndAGracePeriod()
    {
        using var release = new ManualResetEventSlim();
        var clock = Stopwatch.StartNew();

        var failure = Assert.Throws<PluginFailure>(() => PluginCall.Run(Plugin, "apply (exit 2, test)", Limit, CancellationToken.None, _ =>
        {
            release.Wait();
            return "late";
        }));

        clock.Stop();
        release.Set();
        Assert.Equal(("apply (exit 2, test)", "timed out after 0.3 s; it ignored its cancellation token and was abandoned"), (failure.Stage, failure.Detail));

        // The limit, then as long again (under 2 s) for the token to be answered. The waits are timed by the OS's timed
        // waits, which may wake a few milliseconds before the Stopwatch says the span is over (0.597 s seen under load), so
        // allow a slack far below one limit: a call abandoned without the grace period returns after 1 limit and still fails.
        Assert.True(clock.Elapsed >= (2 * Limit) - TimerSlack, $"returned after {clock.Elapsed}");
    }

    [Fact]
    public void CancellingTheRunStopsWaitingAtOnceAndCancelsTheCallsToken()
    {
        using var run = new CancellationTokenSource();
        using var release = new ManualResetEventSlim();
        using var started = new ManualResetEventSlim();
        var callToken = CancellationToken.None;
        run.CancelAfter(TimeSpan.FromMilliseconds(100));

        Assert.ThrowsAny<OperationCanceledException>(() => PluginCall.Run(Plugin, "fit", TimeSpan.FromMinutes(10), run.Token, token =>
        {
            callToken = token;
            started.Set();
            release.Wait();
            return "late";
        }));

        release.Set();
        Assert.True(started.Wait(TimeSpan.FromSeconds(30)));
        Assert.True(callToken.IsCancellationRequested);
    }

    [Fact]
    public void ATimedCallRunsOnABackgroundThreadOfItsOwnNamedAfterThePlugin()
    {
        // Not a pool thread: pool threads (the evaluation's parallel exits) blocked on work queued to the same pool starve it.
        var seen = PluginCall.Run(Plugin, "fit", Limit, CancellationToken.None, _ =>
            (Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.IsBackground, Thread.CurrentThread.Name, Thread.CurrentThread.ManagedThreadId));

        Assert.Equal((false, true, "plugin slow: fit"), (seen.IsThreadPoolThread, seen.IsBackground, seen.Name));
        Assert.NotEqual(Environment.CurrentManagedThreadId, seen.ManagedThreadId);
    }
}
