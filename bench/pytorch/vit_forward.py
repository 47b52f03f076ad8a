#!/usr/bin/env python3
"""The PyTorch half of bench/vit-vs-pytorch.sh: timm's VisionTransformer (from a checkout on the command line) with
vit-ee's intermediate exits (exits.i.norm + exits.i.head after every block but the last, docs/users/vit.md), seeded
random weights saved for the TorchSharp half, then the median wall-clock of one forward pass that computes every exit
(timm's modules, block by block) and of timm's own forward() (last exit only), per batch size. Prints one JSON line."""
import argparse
import json
import os
import statistics
import sys
import time

import torch
from torch import nn


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--timm", required=True)
    p.add_argument("--weights", required=True)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--batches", default="1,64,256")
    p.add_argument("--img", type=int, default=32)
    p.add_argument("--channels", type=int, default=3)
    p.add_argument("--patch", type=int, default=4)
    p.add_argument("--depth", type=int, default=8)
    p.add_argument("--width", type=int, default=192)
    p.add_argument("--heads", type=int, default=3)
    p.add_argument("--mlp", type=int, default=4)
    p.add_argument("--classes", type=int, default=100)
    p.add_argument("--cap-seconds", type=float, default=3.0)
    a = p.parse_args()
    os.environ.setdefault("TIMM_FUSED_ATTN", "0")
    sys.path.insert(0, os.path.abspath(a.timm))
    from timm.models.vision_transformer import VisionTransformer

    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    vit = VisionTransformer(img_size=a.img, patch_size=a.patch, in_chans=a.channels, num_classes=a.classes,
                            embed_dim=a.width, depth=a.depth, num_heads=a.heads, mlp_ratio=float(a.mlp)).eval()

    class Exit(nn.Module):
        def __init__(self):
            super().__init__()
            self.norm = nn.LayerNorm(a.width, eps=1e-6)
            self.head = nn.Linear(a.width, a.classes)

        def forward(self, x):
            return self.head(self.norm(x[:, 0]))

    exits = nn.ModuleDict({str(i): Exit() for i in range(a.depth - 1)}).eval()
    state = dict(vit.state_dict())
    state.update({f"exits.{k}": v for k, v in exits.state_dict().items()})
    torch.save(state, a.weights)

    def every_exit(x):
        h = vit.norm_pre(vit.patch_drop(vit._pos_embed(vit.patch_embed(x))))
        out = []
        for i, block in enumerate(vit.blocks):
            h = block(h)
            out.append(exits[str(i)](h) if i < a.depth - 1 else vit.head(vit.norm(h[:, 0])))
        return out

    def median_ms(fn, x):
        with torch.no_grad():
            for _ in range(2):
                fn(x)
            times, start = [], time.perf_counter()
            while len(times) < 3 or (time.perf_counter() - start < a.cap_seconds and len(times) < 50):
                t = time.perf_counter()
                fn(x)
                times.append((time.perf_counter() - t) * 1000)
        return statistics.median(times), len(times)

    result = {"framework": "pytorch", "version": torch.__version__, "threads": torch.get_num_threads()}
    for b in [int(s) for s in a.batches.split(",")]:
        x = torch.randn(b, a.channels, a.img, a.img)
        result[f"all_exits_b{b}_ms"], result[f"all_exits_b{b}_repeats"] = median_ms(every_exit, x)
        result[f"timm_forward_b{b}_ms"], _ = median_ms(vit, x)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
