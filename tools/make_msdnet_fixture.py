#!/usr/bin/env python3
"""Writes the MSDNet fixtures for tests/EarlyExitBench.Tests/Architectures/MsdNetReferenceTests.cs from the reference
code itself (kalviny/MSDNet-PyTorch: models/msdnet.py, op_counter.py, args.py), which is imported from a folder given
on the command line and never copied into this repository:

  git clone https://github.com/kalviny/MSDNet-PyTorch /tmp/MSDNet-PyTorch
  /usr/bin/python3 tools/make_msdnet_fixture.py /tmp/MSDNet-PyTorch [OUT] [--all-checkpoints] [--only=NAME,NAME]

OUT defaults to tests/EarlyExitBench.Tests/Fixtures/msdnet-reference. Per config NAME (see CONFIGS) it writes
  NAME.json        the exact reference arguments (args.py's parser on the command line below, then main.py's own
                   post-processing), the input and logits shapes, op_counter.py's figures per exit (cls_ops, cls_params)
  NAME.input.f32   the fixed input batch, raw little-endian float32, [batch, 3, H, W] (seeded torch.randn)
  NAME.logits.f32  every exit's logits in eval mode, raw little-endian float32, [exits, batch, classes]
and, for the configs small enough to commit (CHECKPOINT below; all of them with --all-checkpoints),
  NAME.pth.tar     the checkpoint exactly as the reference main.py's save_checkpoint writes it: a dict with epoch, arch,
                   state_dict (from torch.nn.DataParallel(model), so every key starts with 'module.'), best_prec1 and
                   the SGD optimizer's state_dict.

The weights are not torch's random initialisation but a closed form of each key's name and each element's index
(hash_fill below: FNV-1a of the key, SplitMix64 of key hash + element index, 24 random bits), so a test can rebuild the
very same weights without Python and without a multi-megabyte file: the full CIFAR and ImageNet configs are checked
on committed logits while only the small checkpoint is committed. BatchNorm running means and variances are filled
too, so BatchNorm is not the identity in eval mode.
"""
import contextlib
import io
import json
import math
import os
import shlex
import sys

import numpy as np
import torch

# name -> (reference command line, batch, image side, commit the checkpoint)
CONFIGS = {
    # The paper's CIFAR anytime model (MSDNet-PyTorch README: --nBlocks 7 --stepmode even --step 2 --base 4 --nChannels 16).
    "cifar-anytime": ("--data cifar100 --arch msdnet --nBlocks 7 --stepmode even --step 2 --base 4 --nChannels 16 "
                      "--growthRate 6 --grFactor 1-2-4 --bnFactor 1-2-4 --prune max --reduction 0.5 --bottleneck True", 2, 32, False),
    # The CIFAR budgeted-batch model (README: --nBlocks 5 --stepmode lin_grow --step 1 --base 1 --nChannels 16).
    "cifar-budget": ("--data cifar100 --arch msdnet --nBlocks 5 --stepmode lin_grow --step 1 --base 1 --nChannels 16 "
                     "--growthRate 6 --grFactor 1-2-4 --bnFactor 1-2-4 --prune max --reduction 0.5 --bottleneck True", 2, 32, False),
    # The ImageNet model (README: --nBlocks 5 --stepmode even --step 4 --base 4 --nChannels 32 --growthRate 16 ...).
    "imagenet": ("--data ImageNet --arch msdnet --nBlocks 5 --stepmode even --step 4 --base 4 --nChannels 32 "
                 "--growthRate 16 --grFactor 1-2-4-4 --bnFactor 1-2-4-4 --prune max --reduction 0.5 --bottleneck True", 1, 224, False),
    # The ImageNet structure (7x7 stem, max pool, 4 scales, transitions, ImageNet heads) at 1/8 of the width: its
    # checkpoint (2.4 MB) is the one committed, for the .pth.tar reading and the wrong-option messages.
    "imagenet-narrow": ("--data ImageNet --arch msdnet --nBlocks 5 --stepmode even --step 4 --base 4 --nChannels 4 "
                        "--growthRate 2 --grFactor 1-2-4-4 --bnFactor 1-2-4-4 --prune max --reduction 0.5 --bottleneck True", 1, 224, True),
    # A small CIFAR-100 model (2 exits, 32×32; the heads' 128-channel convolutions are most of it): its checkpoint
    # (2 MB) is the one tools/export_msdnet_torchscript.py exports, so a test runs the same weights as `msdnet` and as
    # `torchscript`.
    "cifar-tiny": ("--data cifar100 --arch msdnet --nBlocks 2 --stepmode even --step 2 --base 2 --nChannels 8 "
                   "--growthRate 4 --grFactor 1-2-4 --bnFactor 1-2-4 --prune max --reduction 0.5 --bottleneck True", 2, 32, True),
}

MASK = (1 << 64) - 1


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & MASK
    return h


def splitmix64(z):
    """SplitMix64 on a uint64 array (wrapping arithmetic)."""
    with np.errstate(over="ignore"):
        z = z + np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def hash_fill(key, shape):
    """The fixture's weights: u in [0, 1) from 24 hash bits, then scaled per kind in float64 and rounded to float32."""
    n = int(np.prod(shape)) if len(shape) else 1
    seed = np.uint64(fnv1a64(key))
    with np.errstate(over="ignore"):
        h = splitmix64(seed + np.arange(n, dtype=np.uint64))
    u = (h >> np.uint64(40)).astype(np.float64) / float(1 << 24)
    if key.endswith("running_var") or (key.endswith("weight") and len(shape) == 1):
        v = 0.5 + u                      # BatchNorm scale and running variance in [0.5, 1.5)
    elif key.endswith("running_mean") or key.endswith("bias"):
        v = (u - 0.5) * 0.2              # shifts in [-0.1, 0.1)
    elif key.endswith("weight"):
        fan_in = n // shape[0]
        v = (2.0 * u - 1.0) * math.sqrt(6.0 / fan_in)   # Kaiming-uniform bound: activations neither vanish nor explode
    else:
        raise ValueError(key)
    return v.astype(np.float32).reshape(shape)


def reference_args(repo, command_line):
    sys.path.insert(0, repo)
    from args import arg_parser  # the reference's own parser: its defaults fill every argument not on the line
    args = arg_parser.parse_args(shlex.split(command_line))
    # main.py's post-processing, verbatim in effect
    args.grFactor = list(map(int, args.grFactor.split('-')))
    args.bnFactor = list(map(int, args.bnFactor.split('-')))
    args.nScales = len(args.grFactor)
    args.splits = ['train', 'val', 'test'] if args.use_valid else ['train', 'val']
    args.num_classes = 10 if args.data == 'cifar10' else 100 if args.data == 'cifar100' else 1000
    return args


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    repo = os.path.abspath(sys.argv[1])
    rest = [a for a in sys.argv[2:] if not a.startswith("--")]
    all_checkpoints = "--all-checkpoints" in sys.argv
    only = next((a.split("=", 1)[1].split(",") for a in sys.argv if a.startswith("--only=")), list(CONFIGS))
    out = rest[0] if rest else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "EarlyExitBench.Tests", "Fixtures", "msdnet-reference")
    os.makedirs(out, exist_ok=True)
    sys.path.insert(0, repo)
    import models
    import op_counter
    torch.set_num_threads(2)
    for name, (line, batch, side, commit) in ((n, c) for n, c in CONFIGS.items() if n in only):
        args = reference_args(repo, line)
        with contextlib.redirect_stdout(io.StringIO()):
            op_counter.cls_ops, op_counter.cls_params = [], []   # module globals that measure_model appends to
            cls_ops, cls_params = op_counter.measure_model(getattr(models, args.arch)(args), side, side)
            model = getattr(models, args.arch)(args)
        state = model.state_dict()
        with torch.no_grad():
            for key, tensor in state.items():
                if tensor.dtype.is_floating_point:
                    tensor.copy_(torch.from_numpy(hash_fill(key, tuple(tensor.shape))))
        model.eval()
        torch.manual_seed(0)
        x = torch.randn(batch, 3, side, side)
        with torch.no_grad():
            logits = torch.stack(model(x)).numpy().astype("<f4")
        x.numpy().astype("<f4").tofile(os.path.join(out, name + ".input.f32"))
        logits.tofile(os.path.join(out, name + ".logits.f32"))
        if commit or all_checkpoints:
            wrapped = torch.nn.DataParallel(model)   # as main.py (on the CPU: no device ids, the same 'module.' keys)
            optimizer = torch.optim.SGD(wrapped.parameters(), args.lr, momentum=args.momentum, weight_decay=args.weight_decay)
            torch.save({'epoch': 0, 'arch': args.arch, 'state_dict': wrapped.state_dict(), 'best_prec1': 0.0,
                        'optimizer': optimizer.state_dict()}, os.path.join(out, name + ".pth.tar"))
        recorded = {k: v for k, v in vars(args).items() if k != "save"}   # save defaults to a time stamp
        meta = {
            "reference": "kalviny/MSDNet-PyTorch",
            "command_line": line,
            "args": recorded,
            "input_shape": list(x.shape),
            "logits_shape": list(logits.shape),
            "weights": "hash_fill in tools/make_msdnet_fixture.py",
            "op_counter": {"image_side": side, "cls_ops": [float(v) for v in cls_ops], "cls_params": [int(v) for v in cls_params]},
            "checkpoint": name + ".pth.tar" if (commit or all_checkpoints) else None,
        }
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(meta, f, indent=1, sort_keys=True)
            f.write("\n")
        print(f"{name}: {len(cls_ops)} exits, ops {[int(v) for v in cls_ops]}, |logits| max {np.abs(logits).max():.3g}")


if __name__ == "__main__":
    main()
