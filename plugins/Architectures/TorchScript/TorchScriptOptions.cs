namespace EarlyExitBench.Architectures.TorchScript;

/// <summary>Suite options of <c>torchscript</c>.</summary>
public sealed class TorchScriptOptions
{
    /// <summary>
    /// The TorchScript file written by tools/export_torchscript.py (or anything with the same interface,
    /// docs/contributors/torchscript.md); absolute, or relative to the working directory.
    /// </summary>
    public string File { get; set; } = "";
}
