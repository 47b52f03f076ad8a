// TorchSharp's random generator and thread count are process-wide: a test that seeds and then builds or trains a
// model must not interleave with another test drawing random numbers, or "same seed, same result" breaks.
// Serial, the suite takes about 35 s instead of 25 s on 2 cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
