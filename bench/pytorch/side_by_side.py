#!/usr/bin/python3
"""The PyTorch half of bench/side-by-side.sh.

Does what `EarlyExitBench.Benchmarks side-by-side` (bench/EarlyExitBench.Benchmarks/SideBySide.cs) does, in the
same order and with the same timing rule, on the same branchy-lenet or resnet-sdn (--arch), and prints one JSON line of medians
(milliseconds unless named otherwise). Written for Debian's python3-torch (PyTorch 1.13); run with /usr/bin/python3.
"""
import argparse
import gzip
import json
import os
import time

import numpy as np
import torch
from torch import nn

TRAIN_BATCH = 128


class BranchyLeNet(nn.Module):
    """plugins/Architectures/BranchyLeNet/BranchyLeNetModule.cs: stage k is conv3x3 (pad 1) -> ReLU -> max-pool 2,
    then exit k is adaptive avg-pool to grid x grid -> flatten -> linear. Same state_dict keys (blocks.k.0.weight)."""

    def __init__(self, in_channels=1, classes=10, channels=(16, 32, 64), head_grid=4):
        super().__init__()
        self.blocks = nn.ModuleList()
        self.heads = nn.ModuleList()
        cin = in_channels
        for cout in channels:
            self.blocks.append(nn.Sequential(nn.Conv2d(cin, cout, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(kernel_size=2)))
            self.heads.append(nn.Sequential(nn.AdaptiveAvgPool2d((head_grid, head_grid)), nn.Flatten(), nn.Linear(cout * head_grid * head_grid, classes)))
            cin = cout

    def forward(self, x):
        logits = []
        for block, head in zip(self.blocks, self.heads):
            x = block(x)
            logits.append(head(x))
        return logits


class BasicBlock(nn.Module):
    """plugins/Architectures/ResNetSdn/ResidualBlock.cs: conv3x3-BN-ReLU-conv3x3-BN plus the (projected) input, ReLU."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        residual = x if self.downsample is None else self.downsample(x)
        return torch.relu(self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x))))) + residual)


class ResNetSdn(nn.Module):
    """plugins/Architectures/ResNetSdn/ResNetSdnModule.cs: stem conv3x3-BN-ReLU, basic blocks (stride 2 at each new
    stage), an adaptive avg-pool + linear exit after every block. Same state_dict keys (stem.0.weight, blocks.k.conv1)."""

    def __init__(self, in_channels=1, classes=10, widths=(16, 32, 64), blocks_per_stage=1, head_grid=2):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(in_channels, widths[0], 3, padding=1, bias=False), nn.BatchNorm2d(widths[0]), nn.ReLU())
        self.blocks = nn.ModuleList()
        self.heads = nn.ModuleList()
        cin = widths[0]
        for s, cout in enumerate(widths):
            for b in range(blocks_per_stage):
                self.blocks.append(BasicBlock(cin, cout, 2 if s > 0 and b == 0 else 1))
                self.heads.append(nn.Sequential(nn.AdaptiveAvgPool2d((head_grid, head_grid)), nn.Flatten(), nn.Linear(cout * head_grid * head_grid, classes)))
                cin = cout

    def forward(self, x):
        x = self.stem(x)
        logits = []
        for block, head in zip(self.blocks, self.heads):
            x = block(x)
            logits.append(head(x))
        return logits


def measure(operation, cap_seconds, warmup=3, min_repeats=5, max_repeats=200, target_relative_iqr=0.05, min_repeat_ms=20.0):
    """src/Harness/Measurement/RepeatTimer.cs: warm-up, operations grouped into repeats of at least min_repeat_ms,
    repeats until IQR/median <= target or the cap; returns the median milliseconds per operation."""
    pilot = float("inf")
    for _ in range(max(1, warmup)):
        start = time.perf_counter()
        operation()
        pilot = min(pilot, (time.perf_counter() - start) * 1000)
    per_repeat = int(min(max(np.ceil(min_repeat_ms / max(pilot, 1e-6)), 1), 1_000_000))
    samples = []
    budget = time.perf_counter()
    while len(samples) < max_repeats:
        start = time.perf_counter()
        for _ in range(per_repeat):
            operation()
        samples.append((time.perf_counter() - start) * 1000 / per_repeat)
        if len(samples) < min_repeats:
            continue
        q1, median, q3 = np.quantile(samples, [0.25, 0.5, 0.75])
        if q3 - q1 <= target_relative_iqr * median or time.perf_counter() - budget >= cap_seconds:
            break
    return float(np.median(samples))


def read_idx(path, offset):
    with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--cap-seconds", type=float, default=3.0)
    parser.add_argument("--arch", choices=("branchy-lenet", "resnet-sdn"), default="branchy-lenet")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    images = read_idx(os.path.join(args.data, "train-images-idx3-ubyte.gz"), 16).reshape(-1, 1, 28, 28)
    labels = read_idx(os.path.join(args.data, "train-labels-idx1-ubyte.gz"), 8).astype(np.int64)
    count = len(labels)
    results = {"threads": torch.get_num_threads(), "steps": args.steps}

    a, b = torch.ones(1), torch.ones(1)
    results["op_overhead_us"] = 1000 * measure(lambda: a.add(b), args.cap_seconds)

    x, w, bias = torch.randn(64, 16, 14, 14), torch.randn(32, 16, 3, 3), torch.randn(32)
    with torch.no_grad():
        results["conv_b64_ms"] = measure(lambda: nn.functional.conv2d(x, w, bias, padding=1), args.cap_seconds)

    def make_batch(first, size):
        # As Batches.Make: (x / 127.5) - 1 from the bytes, and int64 labels.
        pixels = torch.from_numpy(images[first:first + size]).float().div_(127.5).sub_(1)
        return pixels, torch.from_numpy(labels[first:first + size])

    cursor = [0]

    def make_next():
        make_batch(cursor[0], TRAIN_BATCH)
        cursor[0] = (cursor[0] + TRAIN_BATCH) % (count - TRAIN_BATCH)

    results["make_batch_ms"] = measure(make_next, args.cap_seconds)

    torch.manual_seed(0)
    model = ResNetSdn() if args.arch == "resnet-sdn" else BranchyLeNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.002)
    loss = nn.CrossEntropyLoss()
    model.train()

    def train_step(x, y):
        logits = model(x)
        total = loss(logits[0], y)
        for k in range(1, len(logits)):
            total = total + loss(logits[k], y)
        optimizer.zero_grad()
        total.backward()
        optimizer.step()
        return total.item()

    start = time.perf_counter()
    last = 0.0
    for step in range(args.steps):
        last = train_step(*make_batch(step * TRAIN_BATCH % (count - TRAIN_BATCH), TRAIN_BATCH))
        if step == 0:
            results["train_first_step_ms"] = (time.perf_counter() - start) * 1000
    results["train_total_s"] = time.perf_counter() - start
    results["train_last_loss"] = last

    ready = make_batch(0, TRAIN_BATCH)
    results["train_step_ms"] = measure(lambda: train_step(*ready), args.cap_seconds)

    model.eval()
    for batch in (1, 64):
        x, _ = make_batch(0, batch)

        def infer():
            with torch.no_grad():
                model(x)

        results[f"infer_b{batch}_ms"] = measure(infer, args.cap_seconds)

    document = {"framework": "pytorch", "version": torch.__version__, "arch": args.arch}
    document.update({k: round(float(v), 6) for k, v in results.items()})
    print(json.dumps(document))


if __name__ == "__main__":
    main()
