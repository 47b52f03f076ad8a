#!/usr/bin/env python3
"""Writes the PyTorch fixture for tests/EarlyExitBench.Tests/Training/PyTorchWeightsTests.cs.

Builds branchy-lenet (the default options: channels [16, 32, 64], head_grid 4, Fashion-MNIST's 1x28x28 input and
10 classes) in PyTorch with the same module tree and state_dict keys as plugins/Architectures/BranchyLeNet, takes a
few Adam steps on the first Fashion-MNIST training images so the weights are not just an initialisation, and saves:
  weights.pt           torch.save(model.state_dict())
  weights.safetensors  the same tensors in the safetensors format (written here: 8-byte header length, JSON header,
                       raw little-endian data), so no extra Python package is needed
  fixture.npz          images: uint8 [8, 1, 28, 28], the first 8 Fashion-MNIST test images;
                       logits: float32 [3, 8, 10], every exit's logits in eval mode on (images / 127.5 - 1)
The test loads the weights into eebench's branchy-lenet and compares its logits. Run with Debian's PyTorch:
  apt-get install -y python3-torch python3-numpy && /usr/bin/python3 tools/make_pytorch_fixture.py
"""
import gzip
import json
import os
import struct
import sys

import numpy as np
import torch
from torch import nn

DATA = os.environ.get("DATA", "/usr/share/datasets/fashion-mnist")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "EarlyExitBench.Tests", "Fixtures", "pytorch-branchy-lenet")


class BranchyLeNet(nn.Module):
    def __init__(self, channels=(16, 32, 64), head_grid=4, in_channels=1, classes=10):
        super().__init__()
        self.blocks = nn.ModuleList()
        self.heads = nn.ModuleList()
        cin = in_channels
        for cout in channels:
            self.blocks.append(nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)))
            self.heads.append(nn.Sequential(nn.AdaptiveAvgPool2d((head_grid, head_grid)), nn.Flatten(), nn.Linear(cout * head_grid * head_grid, classes)))
            cin = cout

    def forward(self, x):
        logits = []
        for block, head in zip(self.blocks, self.heads):
            x = block(x)
            logits.append(head(x))
        return logits


def idx_images(name, count):
    for candidate in (name + ".gz", name):
        path = os.path.join(DATA, candidate)
        if os.path.exists(path):
            opener = gzip.open if candidate.endswith(".gz") else open
            with opener(path, "rb") as f:
                data = f.read()
            return np.frombuffer(data, dtype=np.uint8, offset=16)[: count * 784].reshape(count, 1, 28, 28).copy()
    sys.exit(f"{os.path.join(DATA, name)}[.gz] not found (apt-get install dataset-fashion-mnist, or set DATA)")


def idx_labels(name, count):
    for candidate in (name + ".gz", name):
        path = os.path.join(DATA, candidate)
        if os.path.exists(path):
            opener = gzip.open if candidate.endswith(".gz") else open
            with opener(path, "rb") as f:
                return np.frombuffer(f.read(), dtype=np.uint8, offset=8)[:count].astype(np.int64)
    sys.exit(f"{os.path.join(DATA, name)}[.gz] not found")


def save_safetensors(path, state):
    header, offset, blobs = {}, 0, []
    for key, tensor in state.items():
        data = tensor.detach().contiguous().numpy().astype("<f4").tobytes()
        header[key] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    encoded = json.dumps(header, separators=(",", ":")).encode()
    encoded += b" " * (-len(encoded) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for blob in blobs:
            f.write(blob)


def main():
    torch.manual_seed(0)
    torch.set_num_threads(1)
    model = BranchyLeNet()
    train_x = torch.from_numpy(idx_images("train-images-idx3-ubyte", 512)).float() / 127.5 - 1
    train_y = torch.from_numpy(idx_labels("train-labels-idx1-ubyte", 512))
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3)
    model.train()
    for step in range(20):
        batch = slice((step % 4) * 128, (step % 4 + 1) * 128)
        loss = sum(nn.functional.cross_entropy(z, train_y[batch]) for z in model(train_x[batch]))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

    model.eval()
    images = idx_images("t10k-images-idx3-ubyte", 8)
    with torch.no_grad():
        logits = torch.stack(model(torch.from_numpy(images).float() / 127.5 - 1)).numpy().astype(np.float32)

    os.makedirs(OUT, exist_ok=True)
    state = model.state_dict()
    torch.save(state, os.path.join(OUT, "weights.pt"))
    save_safetensors(os.path.join(OUT, "weights.safetensors"), state)
    np.savez(os.path.join(OUT, "fixture.npz"), images=images, logits=logits)
    print(f"torch {torch.__version__}: wrote {len(state)} tensors and logits {logits.shape} to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
