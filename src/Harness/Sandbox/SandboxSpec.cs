namespace EarlyExitBench.Harness.Sandbox;

/// <summary>A command to run in a sandbox.</summary>
/// <param name="Command">The program (an absolute path) and its arguments.</param>
/// <param name="Scratch">The only folder it may write; it is also its working folder.</param>
/// <param name="ReadOnly">Folders and files it may read (besides the system's <c>/usr</c> and a few files of <c>/etc</c>).</param>
/// <param name="Environment">Its whole environment.</param>
/// <param name="Limits">Its limits.</param>
/// <param name="Isolate">False to run it as a plain child process with only the wall-clock limit (to measure what the sandbox costs).</param>
public sealed record SandboxSpec(
    IReadOnlyList<string> Command,
    string Scratch,
    IReadOnlyList<string> ReadOnly,
    IReadOnlyDictionary<string, string> Environment,
    SandboxLimits Limits,
    bool Isolate = true);
