using EarlyExitBench.Contracts;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace EarlyExitBench.Architectures.TorchScript;

/// <summary>
/// A TorchScript export run as a <see cref="MultiExitModule"/>: <see cref="ForwardBlock"/> calls its <c>stage(i, x)</c>,
/// <see cref="ForwardHead"/> its <c>head(i, h)</c>, so dynamic inference and per-exit timing work as for a native model.
/// Its state_dict is the export's own (keys unprefixed), so a <c>weights:</c> file (the export itself, or a state_dict with
/// the same keys) loads into it strictly, as into any architecture.
/// </summary>
public sealed class TorchScriptModule : MultiExitModule
{
    private readonly jit.ScriptModule model;  // named like a state_dict key would be, though not registered (see the constructor)
    private readonly IReadOnlyList<StageCost> _stages;

    /// <summary>Wraps <paramref name="model"/>, which takes ownership of it.</summary>
    internal TorchScriptModule(jit.ScriptModule model, IReadOnlyList<StageCost> stages)
        : base(nameof(TorchScriptModule))
    {
        // Not registered as a child: TorchSharp's Dispose walks children's named_modules lazily and would ask libtorch
        // for the script's after disposing it. Parameters, buffers, modes and devices are forwarded below instead.
        this.model = model;
        _stages = stages;
    }

    /// <inheritdoc />
    public override IReadOnlyList<StageCost> Stages => _stages;

    /// <inheritdoc />
    public override Tensor ForwardBlock(int stage, Tensor features) => Call("stage", stage, features);

    /// <inheritdoc />
    public override Tensor ForwardHead(int stage, Tensor features) => Call("head", stage, features);

    /// <summary>How many exits the export says it has (its <c>num_exits()</c>).</summary>
    public int ExportedExits() => model.invoke("num_exits") is Scalar exits ? (int)exits.ToInt64() : -1;

    /// <inheritdoc />
    public override IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true) => model.named_parameters(recurse);

    /// <inheritdoc />
    public override IEnumerable<Parameter> parameters(bool recurse = true) => model.parameters(recurse);

    /// <inheritdoc />
    public override IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true) => model.named_buffers(recurse, include_nonpersistent);

    /// <inheritdoc />
    public override Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null) => model.state_dict(destination, prefix);

    /// <inheritdoc />
    public override (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
        => model.load_state_dict(source, strict, skip);

    /// <inheritdoc />
    public override void train(bool train = true)
    {
        base.train(train);
        model.train(train);
    }

    /// <inheritdoc />
    public override void eval() => train(false);

    /// <inheritdoc />
    protected override nn.Module _to(Device device, ScalarType dtype, bool non_blocking)
    {
        model.to(device, dtype, non_blocking);
        return this;
    }

    /// <inheritdoc />
    protected override nn.Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking)
    {
        model.to(deviceType, deviceIndex, non_blocking);
        return this;
    }

    /// <inheritdoc />
    protected override nn.Module _to(ScalarType dtype, bool non_blocking)
    {
        model.to(dtype, non_blocking);
        return this;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            model.Dispose();
        }

        base.Dispose(disposing);
    }

    private Tensor Call(string method, int stage, Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return model.invoke(method, (long)stage, features) as Tensor
            ?? throw new InvalidOperationException($"the TorchScript model's {method}({stage}, x) did not return a tensor");
    }
}
