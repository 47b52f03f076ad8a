#!/usr/bin/python3
"""Oracle (test-chosen thresholds, efficiency.score) vs deployable (validation-chosen, efficiency.deployable.score) of every
global-threshold entry of a leaderboard, per group: a Markdown table, Kendall tau-b between the two rankings, and every
pair of methods whose order differs (a tie on one side and not the other counts as a change, not as a swap).
Usage: bench/deployable-vs-oracle.py LEADERBOARD.json"""
import json, sys, itertools, math

def tau_b(x, y):
    """Kendall tau-b of two equally long lists (ties in either allowed); None when one side is constant."""
    concordant = discordant = ties_x = ties_y = 0
    for i, j in itertools.combinations(range(len(x)), 2):
        dx, dy = x[i] - x[j], y[i] - y[j]
        if dx == 0 and dy == 0: continue
        if dx == 0: ties_x += 1
        elif dy == 0: ties_y += 1
        elif (dx > 0) == (dy > 0): concordant += 1
        else: discordant += 1
    denominator = math.sqrt((concordant + discordant + ties_x) * (concordant + discordant + ties_y))
    return None if denominator == 0 else (concordant - discordant) / denominator

def ranks(values):
    """Competition ranks, best (highest) first: equal values share the smaller rank."""
    return [1 + sum(v > w for v in values) for w in values]

doc = json.load(open(sys.argv[1], encoding='utf-8-sig'))
for group in doc['groups']:
    entries = [e for e in group['entries'] if e['efficiency'].get('deployable')]
    names = [f"{e['calibrator']}+{e['failure_predictor']}" for e in entries]
    oracle = [e['efficiency']['score'] for e in entries]
    deployable = [e['efficiency']['deployable']['score'] for e in entries]
    per_exit = [e['efficiency']['deployable']['per_exit_score'] for e in entries]
    ro, rd = ranks(oracle), ranks(deployable)
    print(f"### {group['dataset']} / {group['architecture']}\n")
    print("| method | oracle (test-chosen) | rank | deployable (validation-chosen) | rank | oracle − deployable [95%] | per-exit deployable |")
    print("|---|---|---|---|---|---|---|")
    for i in sorted(range(len(entries)), key=lambda i: (ro[i], names[i])):
        d = entries[i]['efficiency']['deployable']
        ci = d['oracle_gap_ci']
        gap = f"{d['oracle_gap']:.5f}" + (f" [{ci[0]:.5f}, {ci[1]:.5f}]" if ci else "")
        print(f"| {names[i]} | {oracle[i]:.5f} | {ro[i]} | {deployable[i]:.5f} | {rd[i]} | {gap} | {per_exit[i]:.5f} |")
    tau = tau_b(oracle, deployable)
    print(f"\nKendall tau-b (oracle vs deployable scores, {len(entries)} methods): {tau:.4f}" if tau is not None else "\nKendall tau-b: undefined")
    swaps = [(names[i], names[j]) for i, j in itertools.combinations(range(len(entries)), 2)
             if (oracle[i] - oracle[j]) * (deployable[i] - deployable[j]) < 0]
    changed = [(names[i], names[j]) for i, j in itertools.combinations(range(len(entries)), 2)
               if ((oracle[i] == oracle[j]) != (deployable[i] == deployable[j]))]
    print(f"pairs whose order swaps: {len(swaps)}" + "".join(f"\n- {a} vs {b}" for a, b in swaps))
    if changed: print(f"pairs tied on one side only: {len(changed)}" + "".join(f"\n- {a} vs {b}" for a, b in changed))
    tau_pe = tau_b(oracle, per_exit)
    print(f"Kendall tau-b (oracle vs per-exit deployable): {tau_pe:.4f}\n" if tau_pe is not None else "")
