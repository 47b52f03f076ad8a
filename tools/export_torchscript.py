#!/usr/bin/env python3
"""Exports a PyTorch early-exit model as a TorchScript file that eebench's `torchscript` architecture runs.

A model is given as its stages and heads: stage k takes the input (k = 0) or stage k-1's output, head k takes stage k's
output and returns [batch, classes] logits (docs/contributors/torchscript.md). In a few lines:

    from export_torchscript import export
    export(stages=[...], heads=[...], example=torch.randn(2, 1, 28, 28), path="model.ts.pt")

Each stage and head is traced (torch.jit.trace) on the example and wrapped in a scripted module exposing
`stage(i, x)`, `head(i, h)`, `num_exits()` and `forward(x)` (every exit's logits). The archive also carries
`extra/eebench.json`: the input shape, class count and per exit the FLOPs and parameters of its stage and head. FLOPs are
counted here from each traced graph, one rule per aten op in eebench's convention (a multiply-add 2, bias/activation/
residual/scaling 1 per element, LayerNorm 7, softmax 5, a pooling window's reads, BatchNorm 2; shape ops 0); an op
without a rule stops the export: pass `costs=` then, your own [backbone_flops, head_flops, backbone_params,
head_params] per exit. The same FLOPs with a multiply-add counted 1 are recorded beside them.

Run as a script, it exports the example the tests use: branchy-lenet with the weights of
tests/EarlyExitBench.Tests/Fixtures/pytorch-branchy-lenet/weights.pt (the model class of tools/make_pytorch_fixture.py),
written to tests/EarlyExitBench.Tests/Fixtures/torchscript-branchy-lenet/branchy-lenet.ts.pt. Debian's PyTorch:
  apt-get install -y python3-torch python3-numpy && /usr/bin/python3 tools/export_torchscript.py
"""
import json
import math
import os
import sys
from typing import List

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "EarlyExitBench.Tests", "Fixtures")

# Ops that move or view data and compute nothing.
FREE = {"aten::size", "aten::Int", "aten::view", "aten::reshape", "aten::permute", "aten::transpose", "aten::unbind",
        "aten::select", "aten::slice", "aten::expand", "aten::flatten", "aten::cat", "aten::contiguous", "aten::dropout",
        "aten::detach", "aten::to", "aten::ScalarImplicit", "aten::numel", "aten::squeeze", "aten::unsqueeze",
        "aten::chunk", "aten::split", "aten::narrow", "aten::clone", "aten::stack"}


def _sizes(value):
    return value.type().sizes() if isinstance(value.type(), torch._C.TensorType) else None


def _constant(value):
    """A constant argument, also when the graph builds it as a list of constants."""
    node = value.node()
    if node.kind() == "prim::ListConstruct":
        return [i.toIValue() for i in node.inputs()]
    return value.toIValue()


def _span(size, grid):
    """Sum over PyTorch's adaptive pooling windows [floor(i*n/g), ceil((i+1)*n/g)) of their lengths."""
    return sum(math.ceil((i + 1) * size / grid) - (i * size) // grid for i in range(grid))


def count_flops(module, example, multiply_add=2):
    """FLOPs of one call of module on example, per sample, from the traced graph (fvcore-style: parameters are graph
    inputs with their shapes); raises on an op without a rule, so nothing is silently left out."""
    graph, _ = torch.jit._get_trace_graph(module, (example,))
    batch = example.shape[0]
    total = 0
    for node in graph.nodes():
        kind = node.kind()
        if kind.startswith("prim::") or kind in FREE:
            continue
        ins = [_sizes(i) for i in node.inputs()]
        outs = [s for s in (_sizes(o) for o in node.outputs()) if s is not None]
        numel = math.prod(outs[0]) if outs else 0
        has_bias = len(ins) > 2 and node.inputsAt(2).type().kind() != "NoneType"
        if kind == "aten::_convolution":
            total += multiply_add * numel * math.prod(ins[1][1:]) + (numel if has_bias else 0)  # weight [out, in/groups, kh, kw]
        elif kind == "aten::linear":
            total += multiply_add * numel * ins[1][1] + (numel if has_bias else 0)
        elif kind == "aten::matmul":
            total += multiply_add * numel * ins[0][-1]
        elif kind == "aten::addmm":
            total += multiply_add * numel * ins[1][-1] + numel
        elif kind == "aten::softmax":
            total += 5 * numel
        elif kind == "aten::layer_norm":
            total += (7 if has_bias else 5) * numel
        elif kind == "aten::batch_norm":
            total += 2 * numel
        elif kind in ("aten::gelu", "aten::relu", "aten::relu_", "aten::add", "aten::add_", "aten::mul", "aten::sigmoid",
                      "aten::tanh", "aten::div"):
            total += numel
        elif kind in ("aten::max_pool2d", "aten::avg_pool2d"):
            kernel = _constant(node.inputsAt(1))
            total += numel * kernel[0] * kernel[1]
        elif kind == "aten::adaptive_avg_pool2d":
            (n, c, h, w), (oh, ow) = ins[0], outs[0][2:]
            total += n * c * _span(h, oh) * _span(w, ow)
        else:
            raise ValueError(f"no FLOP rule for {kind}; pass costs= to export(): {node}")
    if total % batch:
        raise ValueError(f"FLOPs {total} do not divide by the batch {batch}")
    return total // batch


class MultiExit(nn.Module):
    """The interface eebench's torchscript architecture calls (docs/contributors/torchscript.md)."""

    def __init__(self, stages: List[nn.Module], heads: List[nn.Module]):
        super().__init__()
        self.stages = nn.ModuleList(stages)
        self.heads = nn.ModuleList(heads)
        self.exits = len(stages)

    @torch.jit.export
    def num_exits(self) -> int:
        return self.exits

    @torch.jit.export
    def stage(self, i: int, x: torch.Tensor) -> torch.Tensor:
        for k, module in enumerate(self.stages):
            if k == i:
                return module(x)
        raise IndexError("no such stage")

    @torch.jit.export
    def head(self, i: int, h: torch.Tensor) -> torch.Tensor:
        for k, module in enumerate(self.heads):
            if k == i:
                return module(h)
        raise IndexError("no such head")

    def forward(self, x: torch.Tensor) -> List[torch.Tensor]:
        logits: List[torch.Tensor] = []
        for k in range(self.exits):
            x = self.stage(k, x)
            logits.append(self.head(k, x))
        return logits


def export(stages, heads, example, path, costs=None, classes=None):
    """Traces every stage and head on example, scripts the interface around them, checks the export against the
    eager model, and saves it with extra/eebench.json. Returns the manifest written."""
    assert len(stages) == len(heads) > 0, "one head per stage"
    for m in list(stages) + list(heads):
        m.eval()
    traced_stages, traced_heads, counted = [], [], []
    with torch.no_grad():
        x = example
        for stage, head in zip(stages, heads):
            traced_stages.append(torch.jit.trace(stage, x))
            h = stage(x)
            traced_heads.append(torch.jit.trace(head, h))
            logits = head(h)
            parameters = [sum(p.numel() for p in m.parameters()) for m in (stage, head)]
            if costs is None:
                counted.append([count_flops(stage, x, 2), count_flops(head, h, 2), *parameters,
                                count_flops(stage, x, 1), count_flops(head, h, 1)])
            x = h
        model = torch.jit.script(MultiExit(traced_stages, traced_heads))
        eager, exported = [], model(example)
        x = example
        for stage, head in zip(stages, heads):
            x = stage(x)
            eager.append(head(x))
        gap = max((a - b).abs().max().item() for a, b in zip(eager, exported))
        assert gap <= 1e-6, f"the export differs from the eager model by {gap}"
    rows = costs if costs is not None else counted
    manifest = {
        "format": "eebench-torchscript/1",
        "input": list(example.shape[1:]),
        "classes": int(classes if classes is not None else logits.shape[1]),
        "flops_convention": "eebench (a multiply-add counts 2); *_flops_multiply_add_1 count it 1",
        "counted_by": "user" if costs is not None else "tools/export_torchscript.py, from the traced graph",
        "stages": [{"backbone_flops": int(r[0]), "head_flops": int(r[1]), "backbone_parameters": int(r[2]),
                    "head_parameters": int(r[3]),
                    **({"backbone_flops_multiply_add_1": int(r[4]), "head_flops_multiply_add_1": int(r[5])} if len(r) > 4 else {})}
                   for r in rows],
    }
    torch.jit.save(model, path, _extra_files={"eebench.json": json.dumps(manifest, indent=1)})
    return manifest


def main():
    sys.path.insert(0, HERE)
    from make_pytorch_fixture import BranchyLeNet

    torch.manual_seed(0)
    model = BranchyLeNet()
    model.load_state_dict(torch.load(os.path.join(FIXTURES, "pytorch-branchy-lenet", "weights.pt")))
    out = os.path.join(FIXTURES, "torchscript-branchy-lenet")
    os.makedirs(out, exist_ok=True)
    manifest = export(list(model.blocks), list(model.heads), torch.randn(2, 1, 28, 28), os.path.join(out, "branchy-lenet.ts.pt"))
    print(json.dumps(manifest, indent=1))


if __name__ == "__main__":
    main()
