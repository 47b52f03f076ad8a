using System.Text;
using System.Text.Json.Nodes;
using EarlyExitBench.Architectures.MsdNet;
using EarlyExitBench.Contracts;
using TorchSharp;
using static TorchSharp.torch;

namespace EarlyExitBench.Tests.Support;

/// <summary>
/// A fixture of tools/make_msdnet_fixture.py: the reference's arguments, input, logits and op_counter.py figures, and the
/// closed-form weights it wrote into the reference model (<see cref="Fill"/>, the script's <c>hash_fill</c>).
/// </summary>
public sealed class MsdNetFixture
{
    private MsdNetFixture(string name, JsonObject meta)
    {
        Name = name;
        Meta = meta;
    }

    /// <summary>The folder of the committed fixtures.</summary>
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "EarlyExitBench.Tests", "Fixtures", "msdnet-reference");

    /// <summary>Config name (cifar-anytime, cifar-budget, imagenet, imagenet-narrow).</summary>
    public string Name { get; }

    /// <summary>The fixture's JSON.</summary>
    public JsonObject Meta { get; }

    /// <summary>The reference's args (after main.py's post-processing).</summary>
    public JsonObject Args => Meta["args"]!.AsObject();

    /// <summary>op_counter.py's cumulative ops per exit.</summary>
    public long[] ReferenceOps => Meta["op_counter"]!["cls_ops"]!.AsArray().Select(v => checked((long)v!.GetValue<double>())).ToArray();

    /// <summary>op_counter.py's cumulative parameters per exit.</summary>
    public long[] ReferenceParameters => Meta["op_counter"]!["cls_params"]!.AsArray().Select(v => v!.GetValue<long>()).ToArray();

    /// <summary>The input shape the reference ran on, classes from its data set.</summary>
    public InputSpec Input => new(3, Side, Side, Args["num_classes"]!.GetValue<int>());

    /// <summary>The image side.</summary>
    public int Side => Meta["op_counter"]!["image_side"]!.GetValue<int>();

    /// <summary>The committed checkpoint, or null.</summary>
    public string? Checkpoint => Meta["checkpoint"] is { } c ? Path.Combine(Folder, c.GetValue<string>()) : null;

    /// <summary>Loads a fixture by name.</summary>
    public static MsdNetFixture Load(string name) => new(name, JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")))!.AsObject());

    /// <summary>Our options mirroring the reference's args one to one.</summary>
    public MsdNetOptions Options() => new()
    {
        NBlocks = Args["nBlocks"]!.GetValue<int>(),
        Base = Args["base"]!.GetValue<int>(),
        Step = Args["step"]!.GetValue<int>(),
        StepMode = Args["stepmode"]!.GetValue<string>(),
        NChannels = Args["nChannels"]!.GetValue<int>(),
        GrowthRate = Args["growthRate"]!.GetValue<int>(),
        GrFactor = string.Join('-', Args["grFactor"]!.AsArray().Select(v => v!.GetValue<int>())),
        BnFactor = string.Join('-', Args["bnFactor"]!.AsArray().Select(v => v!.GetValue<int>())),
        Bottleneck = Args["bottleneck"]!.GetValue<bool>(),
        Prune = Args["prune"]!.GetValue<string>(),
        Reduction = Args["reduction"]!.GetValue<double>(),
        Data = Args["data"]!.GetValue<string>() == "ImageNet" ? "imagenet" : "cifar",
    };

    /// <summary>The input batch, [batch, 3, side, side].</summary>
    public Tensor InputBatch() => Raw("input", Meta["input_shape"]!);

    /// <summary>The reference's logits, [exits, batch, classes].</summary>
    public Tensor Logits() => Raw("logits", Meta["logits_shape"]!);

    /// <summary>Writes the script's closed-form weights into every floating-point tensor of <paramref name="state"/>.</summary>
    public static void Fill(IReadOnlyDictionary<string, Tensor> state)
    {
        using var noGrad = no_grad();
        foreach (var (key, tensor) in state)
        {
            if (tensor.dtype == ScalarType.Float32)
            {
                using var values = torch.tensor(HashFill(key, tensor.shape)).reshape(tensor.shape);
                tensor.copy_(values);
            }
        }
    }

    /// <summary>The script's <c>hash_fill</c>: FNV-1a of the key, SplitMix64 of key hash + index, 24 bits, scaled per kind.</summary>
    public static float[] HashFill(string key, long[] shape)
    {
        var n = shape.Aggregate(1L, (a, b) => a * b);
        var seed = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            seed = (seed ^ b) * 0x100000001B3UL;
        }

        var values = new float[n];
        var bound = Math.Sqrt(6.0 / (shape.Length > 0 && shape[0] > 0 ? n / shape[0] : 1));
        for (var i = 0L; i < n; i++)
        {
            var z = seed + (ulong)i + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            var u = (z >> 40) / (double)(1 << 24);
            values[i] = (float)(key.EndsWith("running_var", StringComparison.Ordinal) || (key.EndsWith("weight", StringComparison.Ordinal) && shape.Length == 1) ? 0.5 + u
                : key.EndsWith("running_mean", StringComparison.Ordinal) || key.EndsWith("bias", StringComparison.Ordinal) ? (u - 0.5) * 0.2
                : key.EndsWith("weight", StringComparison.Ordinal) ? ((2.0 * u) - 1.0) * bound
                : throw new ArgumentException($"no fill rule for {key}", nameof(key)));
        }

        return values;
    }

    private Tensor Raw(string part, JsonNode shapeNode)
    {
        var shape = shapeNode.AsArray().Select(v => v!.GetValue<long>()).ToArray();
        var bytes = File.ReadAllBytes(Path.Combine(Folder, $"{Name}.{part}.f32"));
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        return tensor(values).reshape(shape);
    }
}
