namespace EarlyExitBench.Contracts;

/// <summary>A dataset kind: reads a dataset's train and test splits from local files.</summary>
public interface IDatasetSource
{
    /// <summary>Loads both splits; a missing or corrupt file throws <see cref="InvalidDataException"/> naming it.</summary>
    /// <param name="cancellationToken">Cancels a long read.</param>
    /// <returns>The splits.</returns>
    DatasetSplits Load(CancellationToken cancellationToken);
}
