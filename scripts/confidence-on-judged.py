#!/usr/bin/env python3
"""How dyad's confidence separates judged real-news events (eval/judged/*.tsv), and the
judged events as training rows for scripts/train-confidence.py.

    scripts/confidence-on-judged.py eval/judged/*.tsv [--bin target/release/dyad]
        [--dump NEWS.jsonl]

Codes the three sources of `scripts/judge-sample` with `--modes all --explain`, finds
the judged event ids, and prints the mean confidence per verdict (C, P, W) and the
verdicts kept at a few thresholds. Several verdict files may be given: a later file's
verdict on an id wins (name them oldest first). Event ids are `doc-sentence-index`:
when the coder has changed since the verdicts' commit, an id may name another event,
so read the figures as a rough check (and train on the newest verdicts).

`--dump` writes one JSON line per judged event found: its confidence features (as
`--explain` names them), the label (C 1, P 0.5, W 0), the story as the group (for
grouped cross-validation) and whether the default output shows it.
"""
import argparse, collections, json, os, statistics, subprocess
from importlib.machinery import SourceFileLoader

here = os.path.dirname(os.path.abspath(__file__))
judge = SourceFileLoader("judge_sample", os.path.join(here, "judge-sample")).load_module()
LABEL = {"C": 1.0, "P": 0.5, "W": 0.0}


def verdicts(paths):
    out = {}
    for path in paths:
        for line in open(path, encoding="utf-8"):
            line = line.split("#", 1)[0].rstrip("\n")
            if not line.strip():
                continue
            p = line.split("\t")
            out[p[0]] = p[1].strip().upper()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("verdicts", nargs="+")
    ap.add_argument("--bin", default="target/release/dyad")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--dump", help="write the judged events' feature rows here")
    args = ap.parse_args()
    verdict = verdicts(args.verdicts)
    found = {}
    for _, paths in judge.sources(args.shared):
        out = subprocess.run([args.bin, "--quiet", "code", "--modes", "all", "--explain",
                              # Every event, `withheld` by the rules alone: the model's
                              # own threshold must not decide its training rows.
                              "--min-confidence", "0", *paths],
                             capture_output=True, check=False).stdout
        for e in (json.loads(l) for l in out.splitlines() if l.strip()):
            if e["id"] in verdict:
                found[e["id"]] = e
    print(f"judged ids still coded: {len(found)} of {len(verdict)}")
    by = collections.defaultdict(list)
    for i, e in found.items():
        by[verdict[i]].append(e["confidence"])
    for v, cs in sorted(by.items()):
        print(f"{v}: {len(cs)} events, mean confidence {statistics.mean(cs):.3f}")
    for t in [0.0, 0.3, 0.5, 0.6, 0.7, 0.8]:
        kept = [verdict[i] for i, e in found.items() if e["confidence"] >= t]
        c = kept.count("C")
        cp = c + kept.count("P")
        n = max(len(kept), 1)
        print(f"--min-confidence {t}: {len(kept)} kept, strict {c / n:.2f}, lenient {cp / n:.2f}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for i, e in sorted(found.items()):
                row = {"file": "news", "id": i, "group": "news/" + e["doc_id"],
                       "code": e["cameo"]["code"], "shown": e.get("withheld") is None,
                       "label": LABEL[verdict[i]], "confidence": e["confidence"],
                       "x": e["explain"]["features"]}
                f.write(json.dumps(row) + "\n")
        print(f"wrote {len(found)} rows to {args.dump}")


if __name__ == "__main__":
    main()
