namespace EarlyExitBench.Harness.Training;

/// <summary>Shows progress of long phases (a Spectre.Console bar on a terminal, nothing in tests).</summary>
public interface IProgressSink
{
    /// <summary>Runs <paramref name="work"/>, which reports its progress as it goes.</summary>
    T Track<T>(string title, Func<Action<TrainingProgress>, T> work);
}
