namespace EarlyExitBench.Harness.Data;

/// <summary>Options of the <c>tiny-imagenet</c> dataset: Tiny ImageNet's 64×64 images as <c>eebench data get tiny-imagenet</c> lays them out.</summary>
public sealed class TinyImageNetOptions
{
    /// <summary>Folder holding <c>train/</c> and <c>val/</c>; by default the one <c>eebench data get tiny-imagenet</c> filled.</summary>
    public string? Path { get; set; }

    /// <summary>Read at most this many images of each class and split (sorted by file name); all when absent.</summary>
    public int? MaxPerClass { get; set; }
}
