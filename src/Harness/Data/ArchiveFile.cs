namespace EarlyExitBench.Harness.Data;

/// <summary>One file a downloadable dataset is made of, where it is published, and its pinned checksum.</summary>
/// <param name="FileName">The file's name, as published (also the name <c>--from</c> files are matched by).</param>
/// <param name="Url">The official address (the one torchvision, or the dataset's authors, use).</param>
/// <param name="Md5">The published MD5 of the file (torchvision's <c>md5</c> values), lower-case hex.</param>
public sealed record ArchiveFile(string FileName, string Url, string Md5);
