namespace EarlyExitBench.Architectures.MsdNet.Reference;

/// <summary>One entry of a reference block, with the reference's own bookkeeping.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="In">Input channels at the finest scale kept (the reference's <c>nIn</c>; scale s has <c>nIn·grFactor[s]</c>); image channels for the stem.</param>
/// <param name="Out">Channels added (<c>growthRate</c>) by a dense layer, the stem's <c>nChannels</c>, a transition's ⌊reduction·nIn⌋.</param>
/// <param name="InScales">Scales read (the coarsest ones).</param>
/// <param name="OutScales">Scales written.</param>
internal sealed record ReferenceLayer(ReferenceLayerKind Kind, int In, int Out, int InScales, int OutScales);
