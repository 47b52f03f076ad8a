using EarlyExitBench.Contracts;
using TorchSharp;

namespace EarlyExitBench.Architectures.TorchScript;

/// <summary>Loads a TorchScript export (docs/contributors/torchscript.md) as a multi-exit model.</summary>
public sealed class TorchScriptArchitecture : IEarlyExitArchitecture
{
    private readonly string _file;

    /// <summary>Creates the architecture; the file is read when it is described or built.</summary>
    public TorchScriptArchitecture(TorchScriptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _file = options.File;
    }

    /// <inheritdoc />
    public MultiExitModule Build(InputSpec input)
    {
        var stages = Describe(input);
        var model = new TorchScriptModule(torch.jit.load(_file), stages);
        var exported = model.ExportedExits();
        if (exported != stages.Count)
        {
            model.Dispose();
            throw new ArgumentException($"torchscript: '{_file}' says num_exits() = {exported} but its manifest lists {stages.Count} stages.", nameof(input));
        }

        return model;
    }

    /// <inheritdoc />
    public IReadOnlyList<StageCost> Describe(InputSpec input) => TorchScriptManifest.Read(_file).StagesFor(input, _file);
}
