"""Writes a synthetic ImageNet-layout folder for bench/image-folder-vs-torchvision.sh: --count images of --size x --size
in --classes class folders under train/ (and 2 per class under val/), every fifth a PNG, the rest JPEG (quality 90).
Each image is a class-coloured gradient with seeded noise, so JPEG does real work."""
import argparse
import os

import numpy as np
from PIL import Image


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--classes", type=int, default=100)
    parser.add_argument("--size", type=int, default=64)
    args = parser.parse_args()
    rng = np.random.default_rng(25)
    ramp = np.linspace(0, 255, args.size, dtype=np.float32)
    for split, count in (("train", args.count), ("val", 2 * args.classes)):
        for c in range(args.classes):
            os.makedirs(f"{args.out}/{split}/c{c:03d}", exist_ok=True)
        for i in range(count):
            c = i % args.classes
            base = np.stack([np.add.outer(ramp, ramp) / 2, np.full((args.size, args.size), c * 2.5), np.add.outer(ramp, -ramp) / 2 + 128], axis=-1)
            pixels = np.clip(base + rng.normal(0, 20, base.shape), 0, 255).astype(np.uint8)
            image = Image.fromarray(pixels, "RGB")
            name = f"{args.out}/{split}/c{c:03d}/{i:06d}"
            if i % 5 == 0:
                image.save(name + ".png")
            else:
                image.save(name + ".jpg", quality=90)


if __name__ == "__main__":
    main()
