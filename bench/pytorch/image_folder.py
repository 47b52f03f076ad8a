"""torchvision's half of bench/image-folder-vs-torchvision.sh: ImageFolder + PIL transforms through a DataLoader.

Reads the train/ split of --path with Resize(--resize) + CenterCrop(--crop) + ToTensor + Normalize(ImageNet), batches
of --batch, --workers worker processes, in file order (shuffle off, as eebench's streamed read is in order), and prints
one line of JSON: images, seconds, images/s, peak RSS (MiB) of this process and of its largest worker.
"""
import argparse
import json
import resource
import time

import torch
from torchvision import datasets, transforms


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--path", required=True)
    parser.add_argument("--resize", type=int, default=56)
    parser.add_argument("--crop", type=int, default=48)
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(1)
    transform = transforms.Compose([
        transforms.Resize(args.resize),
        transforms.CenterCrop(args.crop),
        transforms.ToTensor(),
        transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225]),
    ])
    start = time.perf_counter()
    dataset = datasets.ImageFolder(f"{args.path}/train", transform=transform)
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch, shuffle=False, num_workers=args.workers)
    total, batches = 0.0, 0
    for images, _ in loader:
        total += images.mean().item()
        batches += 1
    seconds = time.perf_counter() - start
    del loader
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"side": "torchvision", "images": len(dataset), "seconds": round(seconds, 2),
                      "images_per_s": round(len(dataset) / seconds), "peak_rss_mib": round(own),
                      "worker_peak_rss_mib": round(workers), "mean": round(total / batches, 4)}))


if __name__ == "__main__":
    main()
