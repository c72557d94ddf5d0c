#!/usr/bin/env python3
"""How dyad's confidence separates judged real-news events (eval/judged/*.tsv).

    scripts/confidence-on-judged.py eval/judged/402bd7b.tsv [--bin target/release/dyad]

Codes the three sources of `scripts/judge-sample` with `--modes all`, finds the judged
event ids, and prints the mean confidence per verdict (C, P, W) and the verdicts kept
at a few thresholds. Event ids are `doc-sentence-index`: when the coder has changed
since the verdicts' commit, an id may name another event, so read it as a rough check.
"""
import argparse, collections, json, os, statistics, subprocess
from importlib.machinery import SourceFileLoader

here = os.path.dirname(os.path.abspath(__file__))
judge = SourceFileLoader("judge_sample", os.path.join(here, "judge-sample")).load_module()

ap = argparse.ArgumentParser()
ap.add_argument("verdicts")
ap.add_argument("--bin", default="target/release/dyad")
ap.add_argument("--shared", default="../shared")
args = ap.parse_args()
verdict = {}
for line in open(args.verdicts, encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    p = line.rstrip("\n").split("\t")
    verdict[p[0]] = p[1]
found = {}
for _, paths in judge.sources(args.shared):
    out = subprocess.run([args.bin, "--quiet", "code", "--modes", "all", *paths],
                         capture_output=True, check=False).stdout
    for e in (json.loads(l) for l in out.splitlines() if l.strip()):
        if e["id"] in verdict:
            found[e["id"]] = e["confidence"]
print(f"judged ids still coded: {len(found)} of {len(verdict)}")
by = collections.defaultdict(list)
for i, c in found.items():
    by[verdict[i]].append(c)
for v, cs in sorted(by.items()):
    print(f"{v}: {len(cs)} events, mean confidence {statistics.mean(cs):.3f}")
for t in [0.0, 0.5, 0.7]:
    kept = [verdict[i] for i, c in found.items() if c >= t]
    c = kept.count("C")
    cp = c + kept.count("P")
    n = max(len(kept), 1)
    print(f"--min-confidence {t}: {len(kept)} kept, strict {c / n:.2f}, lenient {cp / n:.2f}")
