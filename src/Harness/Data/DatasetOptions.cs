namespace EarlyExitBench.Harness.Data;

/// <summary>Options of the built-in datasets.</summary>
public sealed class DatasetOptions
{
    /// <summary>Folder holding the dataset's files; the default is where Debian installs Fashion-MNIST.</summary>
    public string? Path { get; set; }
}
