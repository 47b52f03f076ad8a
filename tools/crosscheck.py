#!/usr/bin/env python3
"""Independent cross-check of eebench's numbers with numpy, straight from the definitions in docs/contributors/metrics.md.

Reads a logits bundle written by `eebench run` (results/<suite>/bundles/*.npz) and the run's
leaderboard, recomputes the identity+msp entry with brute force (no code shared with the C#
engine), and prints both side by side. Needs numpy (Debian: apt-get install python3-numpy).

    /usr/bin/python3 tools/crosscheck.py results/fashion-mnist/bundles/fashion-mnist__branchy-lenet__seed0.npz \
        results/fashion-mnist/leaderboard.json
"""
import json
import sys

import numpy as np


def softmax(z):
    z = z.astype(np.float64)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def ece(conf, correct, bins=15):
    total = 0.0
    for m in range(1, bins + 1):
        lo, hi = (m - 1) / bins, m / bins
        in_bin = (conf > lo) & (conf <= hi) if m > 1 else (conf <= hi)
        if in_bin.any():
            total += in_bin.sum() / len(conf) * abs(correct[in_bin].mean() - conf[in_bin].mean())
    return total


def auroc(s, c):
    pos, neg = s[c], s[~c]
    if len(pos) == 0 or len(neg) == 0:
        return None
    greater = (pos[:, None] > neg[None, :]).sum()
    ties = (pos[:, None] == neg[None, :]).sum()
    return (greater + 0.5 * ties) / (len(pos) * len(neg))


def aurc(s, c):
    n, total, prev = len(s), 0.0, 0.0
    for t in np.unique(s)[::-1]:
        accepted = s >= t
        phi = accepted.sum() / n
        total += (phi - prev) * (~c[accepted]).mean()
        prev = phi
    return total


def sweep_score(scores, correct, costs):
    k, n = scores.shape
    thresholds = np.concatenate([[np.inf], np.unique(scores)[::-1]])
    points = []
    for t in thresholds:
        ok = scores[:-1] >= t
        exit_of = np.where(ok.any(axis=0), ok.argmax(axis=0), k - 1)
        acc = correct[exit_of, np.arange(n)].mean()
        points.append((costs[exit_of].mean() / costs[-1], acc))
    points.sort()
    xmin = costs[0] / costs[-1]
    xs = sorted({x for x, _ in points} | {1.0})
    best, area = 0.0, 0.0
    for i, x in enumerate(xs):
        best = max([best] + [a for px, a in points if px <= x])
        if i + 1 < len(xs):
            area += best * (xs[i + 1] - max(x, xmin)) if xs[i + 1] > xmin else 0.0
    return area / (1 - xmin)


def main(bundle_path, leaderboard_path):
    b = np.load(bundle_path)
    test, labels, costs = b["test_logits"], b["test_labels"], b["exit_cost"]
    probs = [softmax(z) for z in test]
    scores = np.stack([p.max(axis=1) for p in probs])
    correct = np.stack([p.argmax(axis=1) == labels for p in probs])
    board = json.load(open(leaderboard_path))
    entry = next(e for g in board["groups"] for e in g["entries"]
                 if e["calibrator"] == "identity" and e["failure_predictor"] == "msp" and e["exit_policy"] == "global-threshold")
    print(f"{'metric':10s} {'exit':>4s} {'numpy':>12s} {'eebench':>12s}")
    worst = 0.0
    for k, p in enumerate(probs):
        onehot = np.eye(p.shape[1])[labels]
        mine = {
            "accuracy": correct[k].mean(),
            "ece": ece(scores[k], correct[k]),
            "brier": ((p - onehot) ** 2).sum(axis=1).mean(),
            "nll": -np.log(np.maximum(p[np.arange(len(labels)), labels], 1e-12)).mean(),
            "auroc": auroc(scores[k], correct[k]),
            "aurc": aurc(scores[k], correct[k]),
        }
        for name, value in mine.items():
            theirs = entry["per_exit"][k][name]
            worst = max(worst, abs(value - theirs))
            print(f"{name:10s} {k + 1:4d} {value:12.8f} {theirs:12.8f}")
    score = sweep_score(scores, correct, costs)
    worst = max(worst, abs(score - entry["efficiency"]["score"]))
    print(f"{'efficiency':10s} {'':4s} {score:12.8f} {entry['efficiency']['score']:12.8f}")
    print(f"largest difference: {worst:.2e}")
    return 0 if worst < 1e-5 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
