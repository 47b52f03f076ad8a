using System.Text.Json;
using EarlyExitBench.Harness.Storage;

namespace EarlyExitBench.Harness.Planning;

/// <summary><c>plan.json</c>: the manifest an output folder's cells belong to.</summary>
public static class PlanFile
{
    /// <summary>The plan file of <paramref name="directory"/>.</summary>
    public static string PathOf(string directory) => Path.Combine(directory, "plan.json");

    /// <summary>Writes <paramref name="manifest"/> into <paramref name="directory"/> atomically.</summary>
    public static void Write(string directory, PlanManifest manifest) =>
        AtomicFile.WriteAllText(PathOf(directory), JsonSerializer.Serialize(manifest, Json.Options) + "\n");

    /// <summary>Reads the plan of <paramref name="directory"/>; a missing or unreadable file is an <see cref="InvalidDataException"/> naming it.</summary>
    public static PlanManifest Read(string directory)
    {
        var path = PathOf(directory);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"{path}: not found; is {directory} the output folder of an eebench run?");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<PlanManifest>(File.ReadAllText(path), Json.Options) ?? throw new InvalidDataException($"{path}: empty");
            return manifest.Format == PlanManifest.CurrentFormat
                ? manifest
                : throw new InvalidDataException($"{path}: plan format {manifest.Format}, this eebench reads {PlanManifest.CurrentFormat}");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a plan ({ex.Message})", ex);
        }
    }
}
