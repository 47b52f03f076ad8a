using EarlyExitBench.Contracts;

namespace MyNet;

/// <summary>
/// <c>my-net</c>: a multi-exit MLP (<see cref="MyNetModule"/>), one exit after each hidden layer. The plugin entry point
/// and the architecture in one class; replace the module with your network and keep <see cref="MyNetCost"/> in step.
/// </summary>
/// <remarks>
/// The host seeds TorchSharp, then calls <see cref="Build"/> once per cell with the dataset's input shape; it trains all
/// exits jointly, records every exit's logits and runs dynamic inference through <c>ForwardBlock</c>/<c>ForwardHead</c>.
/// </remarks>
public sealed class MyNet : IEarlyExitPlugin, IEarlyExitArchitecture
{
    private readonly int[] _widths;

    /// <summary>The instance the host creates to call <see cref="Register"/>.</summary>
    public MyNet()
        : this(new MyNetOptions())
    {
    }

    /// <summary>Checks the options the suite gave; an exception here is reported at the suite's line.</summary>
    public MyNet(MyNetOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Widths is not { Length: > 0 } widths || widths.Any(w => w < 1))
        {
            throw new ArgumentException("widths must be a non-empty list of positive integers.", nameof(options));
        }

        _widths = [.. widths];
    }

    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        // The example is a BranchyNet-style multi-exit MLP (Teerapittayanon, McDanel & Kung 2016, BranchyNet: Fast Inference
        // via Early Exiting from Deep Neural Networks, ICPR); the description and citation below are placeholders made from this
        // project's name: write your own.
        registrar.Add<IEarlyExitArchitecture, MyNetOptions>(
            new PluginInfo("my-net", "MyNet (architecture): replace with one line on what it does, for eebench plugins and the leaderboard")
            {
                Citation = "MyNet: replace with where the method comes from (authors year, title, venue; or a URL)",
            },
            (options, _) => new MyNet(options));
    }

    /// <inheritdoc />
    public MultiExitModule Build(InputSpec input) => new MyNetModule(input, _widths);

    /// <summary>The exits and their cost without building the network, so <c>validate</c> and <c>plan</c> need no libtorch.</summary>
    /// <param name="input">Input shape and class count.</param>
    /// <returns>One <see cref="StageCost"/> per exit, equal to the built module's stages.</returns>
    public IReadOnlyList<StageCost> Describe(InputSpec input) => MyNetCost.Stages(input, _widths);
}
