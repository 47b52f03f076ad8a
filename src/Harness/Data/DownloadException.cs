namespace EarlyExitBench.Harness.Data;

/// <summary>A dataset file could not be fetched or was not the published file; the message says what to do (the CLI exits 3 for a network failure, 2 otherwise).</summary>
/// <param name="message">What went wrong and how to go on.</param>
/// <param name="network">True when the network failed (offline, refused, timed out), as opposed to a bad file or address.</param>
/// <param name="inner">The underlying error.</param>
public sealed class DownloadException(string message, bool network, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True when the network failed (offline, refused, timed out): <c>eebench data get</c> exits 3 then.</summary>
    public bool Network { get; } = network;
}
