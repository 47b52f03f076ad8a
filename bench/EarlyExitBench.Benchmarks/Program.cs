using BenchmarkDotNet.Running;
using EarlyExitBench.Benchmarks;

// typeof(Program) would be ambiguous: the Harness's own top-level Program is visible here through InternalsVisibleTo.
BenchmarkSwitcher.FromAssembly(typeof(EvaluationBenchmarks).Assembly).Run(args);
