namespace MyNet;

/// <summary>Options from the suite's <c>options:</c> mapping (snake_case keys: <c>widths: [64, 32]</c>).</summary>
public sealed class MyNetOptions
{
    /// <summary>Hidden width of each stage; one exit after each.</summary>
    public int[] Widths { get; set; } = [64, 32];
}
