#!/usr/bin/python3
"""Checks that a refactoring moved no number: every value of BEFORE's leaderboard is in AFTER's, identical (type and
value, bit for bit as JSON writes it), outside `environment`, `timing` (wall-clock) and `provenance` (hashes, commit).
Lists of objects with a `name` (the `metrics` list) are matched by name, other lists by position.
Usage: bench/leaderboard-values-diff.py BEFORE.json AFTER.json
Prints the changed and removed values (first 40 each) and the added paths, grouped; exit 0 when nothing existing
changed or went missing (additions allowed), 1 otherwise."""
import json, sys
IGNORE = {'environment', 'timing', 'provenance'}
def load(p):
    return json.load(open(p, encoding='utf-8-sig'))
changed, removed, added = [], [], []
def walk(a, b, path):
    if isinstance(a, dict):
        if not isinstance(b, dict): changed.append((path, a, b)); return
        for k in a:
            if k in IGNORE: continue
            if k not in b: removed.append(path + '/' + k); continue
            walk(a[k], b[k], path + '/' + k)
        for k in b:
            if k not in a and k not in IGNORE: added.append(path + '/' + k)
    elif isinstance(a, list):
        if not isinstance(b, list): changed.append((path, a, b)); return
        if a and all(isinstance(x, dict) and 'name' in x for x in a + b):
            bn = {x['name']: x for x in b}
            for x in a:
                if x['name'] not in bn: removed.append(f"{path}[{x['name']}]")
                else: walk(x, bn[x['name']], f"{path}[{x['name']}]")
            an = {x['name'] for x in a}
            added.extend(f"{path}[{x['name']}]" for x in b if x['name'] not in an)
            return
        if len(a) != len(b): changed.append((path, f'len {len(a)}', f'len {len(b)}'))
        for i, (x, y) in enumerate(zip(a, b)): walk(x, y, f'{path}[{i}]')
    else:
        if a != b or type(a) != type(b): changed.append((path, a, b))
walk(load(sys.argv[1]), load(sys.argv[2]), '')
import re
def norm(p): return re.sub(r'\[\d+\]', '[]', p)
for p, a, b in changed[:40]: print('CHANGED', p, repr(a)[:80], '->', repr(b)[:80])
for p in removed[:40]: print('REMOVED', p)
from collections import Counter
for p, c in Counter(norm(p) for p in added).most_common(40): print('ADDED', p, c)
print(f'{len(changed)} changed, {len(removed)} removed, {len(added)} added')
sys.exit(1 if changed or removed else 0)
