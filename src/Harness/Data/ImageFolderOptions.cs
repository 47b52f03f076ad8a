namespace EarlyExitBench.Harness.Data;

/// <summary>Options of the <c>image-folder</c> dataset (torchvision's ImageFolder layout under train/ and val/).</summary>
public sealed class ImageFolderOptions
{
    /// <summary>Folder holding <c>train/</c> and <c>val/</c>, each with one subfolder of JPEG or PNG files per class.</summary>
    public string? Path { get; set; }

    /// <summary>The shorter side is resized to this many pixels (bilinear), keeping the aspect ratio.</summary>
    public int Resize { get; set; } = 256;

    /// <summary>Side of the center crop taken after resizing; the model sees crop×crop images.</summary>
    public int Crop { get; set; } = 224;

    /// <summary>3 for colour, 1 to convert to grey.</summary>
    public int Channels { get; set; } = 3;

    /// <summary>Per-channel mean on the 0–1 scale; with <see cref="Std"/>, replaces the default pixel/127.5 − 1. ImageNet: [0.485, 0.456, 0.406].</summary>
    public double[]? Mean { get; set; }

    /// <summary>Per-channel standard deviation on the 0–1 scale. ImageNet: [0.229, 0.224, 0.225].</summary>
    public double[]? Std { get; set; }

    /// <summary>
    /// <c>auto</c> (default): decode every image into memory when a split's images take at most 1 GiB, else stream them;
    /// <c>always</c>: stream (decode each batch when it is needed, in parallel, ahead of the model); <c>never</c>: memory.
    /// Both give the same bytes, so results do not depend on it.
    /// </summary>
    public string Stream { get; set; } = "auto";

    /// <summary>Read at most this many images of each class and split (sorted by file name); all when absent.</summary>
    public int? MaxPerClass { get; set; }
}
