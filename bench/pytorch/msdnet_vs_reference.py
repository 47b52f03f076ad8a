#!/usr/bin/env python3
"""The PyTorch half of bench/msdnet-vs-pytorch.sh: the reference MSDNet (kalviny/MSDNet-PyTorch, imported from REF, not
copied) on the same checkpoint as the TorchSharp half, with the same work and the same timing loop (3 warm-ups, then
repeats until 5 and CAP seconds, median). Prints one JSON line.
Usage: msdnet_vs_reference.py REF CONFIG CHECKPOINT [--threads 2] [--batches 1,64,256] [--train-batch 64] [--cap-seconds 3]
"""
import contextlib
import io
import json
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import make_msdnet_fixture as fixture  # noqa: E402  (the configs and the reference's own argument parsing)


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def median(action, cap):
    for _ in range(3):
        action()
    times, start = [], time.perf_counter()
    while len(times) < 5 or (time.perf_counter() - start < cap and len(times) < 200):
        t = time.perf_counter()
        action()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main():
    ref, config, checkpoint = sys.argv[1:4]
    threads, cap = int(option("--threads", "2")), float(option("--cap-seconds", "3"))
    batches = [int(b) for b in option("--batches", "1,64,256").split(",")]
    train_batch = int(option("--train-batch", "64"))
    torch.set_num_threads(threads)
    line, _, side, _ = fixture.CONFIGS[config]
    args = fixture.reference_args(ref, line)
    sys.path.insert(0, ref)
    import models
    with contextlib.redirect_stdout(io.StringIO()):
        model = torch.nn.DataParallel(getattr(models, args.arch)(args))   # as main.py; on the CPU it calls the module
    model.load_state_dict(torch.load(checkpoint)["state_dict"])
    torch.manual_seed(0)
    results = {"framework": "pytorch", "threads": torch.get_num_threads(), "version": torch.__version__}
    model.eval()
    for batch in batches:
        x = torch.randn(batch, 3, side, side)

        def forward():
            with torch.no_grad():
                model(x)
        results[f"forward_b{batch}_ms"] = median(forward, cap)

    model.train()
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
    images = torch.randn(train_batch, 3, side, side)
    labels = torch.randint(0, args.num_classes, (train_batch,))

    def step():   # main.py's train(): the loss summed over exits, then zero_grad, backward, step
        output = model(images)
        loss = 0.0
        for j in range(len(output)):
            loss += criterion(output[j], labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    results[f"train_step_b{train_batch}_ms"] = median(step, cap)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
