#!/usr/bin/env python3
"""Writes the timm ViT fixture for tests/EarlyExitBench.Tests/Architectures/TimmVitTests.cs.

Builds a small ViT with timm's own VisionTransformer class (timm's source, from a checkout named on the command line;
nothing of it is copied into this repository), adds intermediate exits in vit-ee's documented layout (after blocks.i:
exits.i.norm = LayerNorm(eps 1e-6) of the class token, exits.i.head = Linear), gives every tensor seeded random values,
and saves in tests/EarlyExitBench.Tests/Fixtures/timm-vit/:
  weights.pt    torch.save(state_dict), as timm saves a checkpoint: timm's keys (patch_embed.proj, cls_token, pos_embed,
                blocks.i.*, norm, head) plus exits.i.norm.* / exits.i.head.*
  fixture.npz   input float32 [4, 3, 32, 32]; logits float32 [exits, 4, 10], computed by timm's modules (the last exit equals
                timm's own forward() on the same input, checked here); exit_blocks int64; and per stage, counted here
                from the traced graph of timm's modules (fvcore-style: one rule per aten op, an unknown op is an error):
                backbone_flops2 / head_flops2 (a multiply-add counts 2) and backbone_flops1 / head_flops1 (counts 1),
                int64 [exits]; timm_final_head_flops2: timm's forward_head as it runs (norm over every token, then the
                class token), for comparison: the heads above normalise the class token alone, as vit-ee does
The timm checkout's own package imports under Debian's torch 1.13 (timm's attention falls back to its unfused path
there, q scaled, softmax(q·kᵀ)·v), so no stub is needed. Run with Debian's PyTorch:
  apt-get install -y python3-torch python3-numpy
  git clone https://github.com/huggingface/pytorch-image-models /tmp/timm
  /usr/bin/python3 tools/make_vit_fixture.py /tmp/timm
The committed fixture was made from timm commit aa4b5850c1543fa488abf260f18390eda46cf85d (2026-08-08).
"""
import argparse
import os
import sys

import numpy as np
import torch
from torch import nn

CONFIG = dict(img_size=32, patch_size=8, in_chans=3, num_classes=10, embed_dim=72, depth=4, num_heads=3, mlp_ratio=4.0)
EXIT_BLOCKS = [0, 1, 2]  # intermediate exits; the final norm + head follow block depth - 1
SEED = 24
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "EarlyExitBench.Tests", "Fixtures", "timm-vit")


class ExitHead(nn.Module):
    """vit-ee's intermediate exit, the same computation as timm's final norm + head with class-token pooling."""

    def __init__(self, dim, classes):
        super().__init__()
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.head = nn.Linear(dim, classes)

    def forward(self, x):
        return self.head(self.norm(x[:, 0]))


class Embed(nn.Module):
    def __init__(self, vit):
        super().__init__()
        self.vit = vit

    def forward(self, x):
        v = self.vit
        return v.norm_pre(v.patch_drop(v._pos_embed(v.patch_embed(x))))


class Blocks(nn.Module):
    def __init__(self, blocks):
        super().__init__()
        self.blocks = nn.ModuleList(blocks)

    def forward(self, x):
        for b in self.blocks:
            x = b(x)
        return x


class FinalHead(nn.Module):
    """timm's forward_head after forward_features' final norm: norm(all tokens), pool the class token, head."""

    def __init__(self, vit):
        super().__init__()
        self.vit = vit

    def forward(self, x):
        return self.vit.forward_head(self.vit.norm(x))


class ClassTokenHead(nn.Module):
    """timm's final norm + head on the class token alone: the LayerNorm is per token, so this is FinalHead's result
    for one token's LayerNorm instead of all tokens' (checked below); vit-ee computes and counts this."""

    def __init__(self, vit):
        super().__init__()
        self.norm, self.head = vit.norm, vit.head

    def forward(self, x):
        return self.head(self.norm(x[:, 0]))


def count(module, example, multiply_add):
    """FLOPs of one call of module on example, per sample, from the traced graph's aten ops and their shapes."""
    graph, _ = torch.jit._get_trace_graph(module, (example,))  # as fvcore does: parameters are inputs, with shapes
    batch = example.shape[0]
    total = 0
    free = {"aten::size", "aten::Int", "aten::view", "aten::reshape", "aten::permute", "aten::transpose", "aten::unbind",
            "aten::select", "aten::slice", "aten::expand", "aten::flatten", "aten::cat", "aten::contiguous", "aten::dropout",
            "aten::detach", "aten::to", "aten::ScalarImplicit", "aten::numel"}
    for node in graph.nodes():
        kind = node.kind()
        if kind.startswith("prim::") or kind in free:
            continue
        outs = [o.type().sizes() for o in node.outputs() if isinstance(o.type(), torch._C.TensorType)]
        ins = [i.type().sizes() if isinstance(i.type(), torch._C.TensorType) else None for i in node.inputs()]
        numel = int(np.prod(outs[0])) if outs else 0
        if kind == "aten::_convolution":
            weight = ins[1]
            macs = numel * int(np.prod(weight[1:]))
            bias = numel if node.inputsAt(2).type().kind() != "NoneType" else 0
            total += multiply_add * macs + bias
        elif kind == "aten::linear":
            weight = ins[1]
            has_bias = node.inputsAt(2).type().kind() != "NoneType"
            total += multiply_add * numel * weight[1] + (numel if has_bias else 0)
        elif kind == "aten::matmul":
            total += multiply_add * numel * ins[0][-1]
        elif kind == "aten::softmax":
            total += 5 * numel
        elif kind == "aten::layer_norm":
            total += 7 * numel
        elif kind in ("aten::gelu", "aten::add", "aten::mul"):
            total += numel
        else:
            raise SystemExit(f"no FLOP rule for {kind}: {node}")
    assert total % batch == 0
    return total // batch


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("timm", help="a checkout of huggingface/pytorch-image-models (the folder holding timm/)")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    os.environ.setdefault("TIMM_FUSED_ATTN", "0")
    sys.path.insert(0, os.path.abspath(args.timm))
    from timm.models.vision_transformer import VisionTransformer

    torch.manual_seed(SEED)
    vit = VisionTransformer(**CONFIG).eval()
    exits = nn.ModuleDict({str(b): ExitHead(CONFIG["embed_dim"], CONFIG["num_classes"]) for b in EXIT_BLOCKS}).eval()
    with torch.no_grad():
        # timm initialises LayerNorms to 1/0 and biases to 0; random values everywhere make every tensor count.
        for module in list(vit.modules()) + list(exits.modules()):
            for name, p in module.named_parameters(recurse=False):
                if isinstance(module, nn.LayerNorm) and name == "weight":
                    p.copy_(1 + 0.2 * torch.randn_like(p))
                else:
                    p.copy_((0.2 if p.dim() == 1 else 0.1) * torch.randn_like(p))
    x = torch.randn(4, 3, 32, 32)

    ends = EXIT_BLOCKS + [CONFIG["depth"] - 1]
    embed = Embed(vit)
    stages, heads, start = [], [], 0
    for k, end in enumerate(ends):
        stages.append(Blocks([vit.blocks[b] for b in range(start, end + 1)]))
        heads.append(exits[str(end)] if k < len(ends) - 1 else ClassTokenHead(vit))
        start = end + 1

    logits = []
    with torch.no_grad():
        h = embed(x)
        for stage, head in zip(stages, heads):
            h = stage(h)
            logits.append(head(h))
        reference = vit(x)
        timm_head = FinalHead(vit)(h)
    gap = max((reference - logits[-1]).abs().max().item(), (timm_head - logits[-1]).abs().max().item())
    assert gap <= 1e-6, f"staged final exit differs from timm's forward() by {gap}"

    flops = {}
    with torch.no_grad():
        one = x[:1]
        h = embed(one)
        for m in (2, 1):
            flops[f"backbone_flops{m}"], flops[f"head_flops{m}"] = [], []
        for k, (stage, head) in enumerate(zip(stages, heads)):
            first = nn.Sequential(embed, stage) if k == 0 else stage
            inp = one if k == 0 else h
            for m in (2, 1):
                flops[f"backbone_flops{m}"].append(count(first, inp, m))
            h = first(inp)
            for m in (2, 1):
                flops[f"head_flops{m}"].append(count(heads[k], h, m))
        timm_final_head = count(FinalHead(vit), h, 2)

    state = dict(vit.state_dict())
    state.update({f"exits.{k}": v for k, v in exits.state_dict().items()})
    os.makedirs(args.out, exist_ok=True)
    torch.save(state, os.path.join(args.out, "weights.pt"))
    np.savez(os.path.join(args.out, "fixture.npz"), input=x.numpy(), logits=torch.stack(logits).numpy(),
             timm_final_head_flops2=np.array(timm_final_head, dtype=np.int64), exit_blocks=np.array(ends, dtype=np.int64), **{k: np.array(v, dtype=np.int64) for k, v in flops.items()})
    print("timm's own final norm + head, every token normalised:", f"{timm_final_head:,}", "FLOPs; max |staged - timm forward()|:", gap)
    print("keys:", len(state), "parameters:", sum(v.numel() for v in state.values()))
    for k in range(len(ends)):
        print(f"exit {k} after block {ends[k]}: backbone {flops['backbone_flops2'][k]:,} / {flops['backbone_flops1'][k]:,}, "
              f"head {flops['head_flops2'][k]:,} / {flops['head_flops1'][k]:,} FLOPs (multiply-add 2 / 1)")


if __name__ == "__main__":
    main()
