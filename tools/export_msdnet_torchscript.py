#!/usr/bin/env python3
"""Exports the reference MSDNet (kalviny/MSDNet-PyTorch's own models/msdnet.py, imported from a checkout given on the
command line, never copied here) to TorchScript with tools/export_torchscript.py's export(), with the weights of a
main.py-style checkpoint, so eebench's `torchscript` architecture runs what its native `msdnet` (preset: reference)
runs from the same .pth.tar:

  git clone https://github.com/kalviny/MSDNet-PyTorch /tmp/MSDNet-PyTorch
  /usr/bin/python3 tools/export_msdnet_torchscript.py /tmp/MSDNet-PyTorch [NAME]

NAME (default cifar-tiny) is a config of tools/make_msdnet_fixture.py whose checkpoint is committed:
tests/EarlyExitBench.Tests/Fixtures/msdnet-reference/NAME.pth.tar. The export is written to
tests/EarlyExitBench.Tests/Fixtures/torchscript-msdnet/NAME.ts.pt.

MSDNet's blocks pass a list of multi-scale feature maps, the interface one tensor: each stage packs its scales as
eebench's native msdnet does (every scale flattened, concatenated along dimension 1: [batch, sum C*H*W], finest first)
and the next stage and the head unpack them by narrow + reshape, which count no FLOPs. Stage k is the reference's
blocks[k], head k its classifier[k]; the FLOPs are export()'s count from the traced graphs.
"""
import json
import os
import sys
from typing import List

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "EarlyExitBench.Tests", "Fixtures")


def pack(scales: List[torch.Tensor]) -> torch.Tensor:
    return torch.cat([s.flatten(1) for s in scales], 1)


def unpack(packed: torch.Tensor, shapes) -> List[torch.Tensor]:
    scales, offset = [], 0
    for c, h, w in shapes:
        scales.append(packed.narrow(1, offset, c * h * w).reshape(packed.shape[0], c, h, w))
        offset += c * h * w
    return scales


class PackedStage(nn.Module):
    """blocks[k] between packed tensors; the first takes the image as it is."""

    def __init__(self, block, shapes):
        super().__init__()
        self.block, self.shapes = block, shapes

    def forward(self, x):
        return pack(self.block(x if self.shapes is None else unpack(x, self.shapes)))


class PackedHead(nn.Module):
    """classifier[k] on the unpacked scales (the reference's reads the coarsest)."""

    def __init__(self, classifier, shapes):
        super().__init__()
        self.classifier, self.shapes = classifier, shapes

    def forward(self, h):
        return self.classifier(unpack(h, self.shapes))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    repo = os.path.abspath(sys.argv[1])
    name = sys.argv[2] if len(sys.argv) > 2 else "cifar-tiny"
    sys.path.insert(0, HERE)
    from export_torchscript import export
    from make_msdnet_fixture import CONFIGS, reference_args
    sys.path.insert(0, repo)
    import models

    torch.set_num_threads(2)
    line, _, side, _ = CONFIGS[name]
    args = reference_args(repo, line)
    model = getattr(models, args.arch)(args)
    checkpoint = torch.load(os.path.join(FIXTURES, "msdnet-reference", name + ".pth.tar"), map_location="cpu")
    model.load_state_dict({k[len("module."):]: v for k, v in checkpoint["state_dict"].items()})
    model.eval()
    torch.manual_seed(0)
    example = torch.randn(2, 3, side, side)
    stages, heads, shapes, x = [], [], None, example
    with torch.no_grad():
        for block, classifier in zip(model.blocks, model.classifier):
            stages.append(PackedStage(block, shapes))
            x = block(x)
            shapes = [tuple(s.shape[1:]) for s in x]
            heads.append(PackedHead(classifier, shapes))
    out = os.path.join(FIXTURES, "torchscript-msdnet")
    os.makedirs(out, exist_ok=True)
    manifest = export(stages, heads, example, os.path.join(out, name + ".ts.pt"))
    print(json.dumps(manifest, indent=1))


if __name__ == "__main__":
    main()
