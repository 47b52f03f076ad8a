namespace EarlyExitBench.Contracts;

/// <summary>An architecture kind: builds a multi-exit network for an input shape.</summary>
public interface IEarlyExitArchitecture
{
    /// <summary>Builds a freshly initialised network; the host seeds TorchSharp before calling.</summary>
    /// <param name="input">Input shape and class count.</param>
    /// <returns>The network, on the CPU.</returns>
    MultiExitModule Build(InputSpec input);
}
