#!/usr/bin/env bash
# Coverage of the claims' nominal 95% intervals in a simulation whose truth is known (issue 23): a mean efficiency
# difference (6 groups, and 1) and a proxy–efficiency Spearman correlation, at 3 and 10 seeds and n = 10,000 test
# samples, each through v1's seed-only bootstrap, the two-level percentile bootstrap and rules v2's two-level components
# interval (src/Harness/Claims/TwoLevelBootstrap.cs). Prints a Markdown table. Not part of the test suite (minutes of CPU).
# Options pass through: --sims N (1000), --n N (10000), --resamples R (2000). Run it with nothing else heavy running.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/EarlyExitBench.Benchmarks -c Release -nologo -v q -tl:off >&2
exec dotnet bench/EarlyExitBench.Benchmarks/bin/Release/net10.0/EarlyExitBench.Benchmarks.dll coverage "$@"
