#!/usr/bin/env python3
"""Trains dyad's confidence model (models/confidence.txt) and reports its calibration.

Input: the rows of `dyad eval --dump-features FEATURES.jsonl` over the dev gold files
(one JSON object per coded event: its features `x`, a 0/1 `label`, whether `dyad code`
shows it). The model is an L2-regularised logistic regression fitted by Newton's
method (standard library only). It is cross-validated with 5 folds grouped by the
gold records' `cluster` field (near-duplicate sentences share a cluster and so a
fold); the report (log-loss, Brier score, a 10-bin reliability table, precision and
recall of thresholds over the shown events) is of the out-of-fold predictions. The
model written is then fitted on every row.

Judged real news (`--news`, rows of `scripts/confidence-on-judged.py --dump` over
eval/judged/*.tsv, labels C 1, P 0.5, W 0) joins the dev rows with a weight each
(`--news-weight`), grouped by story for the folds; its out-of-fold precision at each
threshold is reported first.

Usage:
  dyad eval ../shared/eval/dev/{plover_gsr,cameo_manual,plv,conflibert_cameo}.jsonl \
      --dump-features /tmp/features.jsonl
  scripts/confidence-on-judged.py OLDEST.tsv ... NEWEST.tsv --dump /tmp/news.jsonl
  scripts/train-confidence.py /tmp/features.jsonl --gold ../shared/eval/dev \
      --news /tmp/news.jsonl --out models/confidence.txt
"""

import argparse
import json
import math
import os
import random
import sys

L2 = 1.0  # ridge penalty on every weight but the bias
# Judged news is the distribution users code, and there is little of it next to the
# dev gold: each judged row counts as this many dev rows.
NEWS_WEIGHT = 4.0
FOLDS = 5
SEED = 7


def load(path, gold_dir):
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    clusters = {}
    for f in {r["file"] for r in rows}:
        p = os.path.join(gold_dir, f + ".jsonl")
        if not os.path.exists(p):
            continue
        for line in open(p, encoding="utf-8"):
            g = json.loads(line)
            clusters[(f, g["id"])] = g.get("cluster") or g["id"]
    for r in rows:
        r["group"] = r["file"] + "/" + clusters.get((r["file"], r["id"]), r["id"])
    return rows


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def solve(a, b):
    """Solves a x = b (a symmetric positive definite) by Gaussian elimination."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        piv = m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / piv
            if f:
                mr, mc = m[r], m[c]
                for k in range(c, n + 1):
                    mr[k] -= f * mc[k]
    x = [0.0] * n
    for c in reversed(range(n)):
        x[c] = (m[c][n] - sum(m[c][k] * x[k] for k in range(c + 1, n))) / m[c][c]
    return x


def fit(rows, names):
    idx = {n: i for i, n in enumerate(names)}
    xs = [[(idx[k], v) for k, v in r["x"].items()] for r in rows]
    ys = [r["label"] for r in rows]
    ws = [r.get("weight", 1.0) for r in rows]
    n = len(names)
    w = [0.0] * n
    for _ in range(25):
        grad = [L2 * w[i] if names[i] != "bias" else 0.0 for i in range(n)]
        hess = [[0.0] * n for _ in range(n)]
        for i in range(n):
            hess[i][i] = L2 if names[i] != "bias" else 1e-6
        for x, y, wt in zip(xs, ys, ws):
            p = sigmoid(sum(w[j] * v for j, v in x))
            g, h = wt * (p - y), wt * p * (1 - p)
            for j, v in x:
                grad[j] += g * v
                hj = hess[j]
                for k, u in x:
                    hj[k] += h * v * u
        step = solve(hess, grad)
        w = [a - s for a, s in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return dict(zip(names, w))


def predict(w, row):
    return sigmoid(sum(w.get(k, 0.0) * v for k, v in row["x"].items()))


def folds_of(rows):
    groups = sorted({r["group"] for r in rows})
    random.Random(SEED).shuffle(groups)
    fold = {g: i % FOLDS for i, g in enumerate(groups)}
    return [fold[r["group"]] for r in rows]


def report_news(rows, ps, out):
    """Out-of-fold figures on judged news rows (label 1 C, 0.5 P, 0 W)."""
    sel = [(p, r["label"]) for p, r in zip(ps, rows) if r["file"] == "news" and r["shown"]]
    if not sel:
        return
    print(f"\nJudged news events the rules let through: {len(sel)}, out of fold", file=out)
    print("\n| --min-confidence | kept | strict precision | lenient precision |", file=out)
    print("|---:|---:|---:|---:|", file=out)
    for t in [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]:
        kept = [y for p, y in sel if p >= t]
        if not kept:
            continue
        c = sum(1 for y in kept if y == 1.0) / len(kept)
        cp = sum(1 for y in kept if y > 0) / len(kept)
        print(f"| {t:.1f} | {len(kept)} | {c:.3f} | {cp:.3f} |", file=out)
    by = {v: [p for p, y in sel if y == v] for v in (1.0, 0.5, 0.0)}
    print("mean predicted: " + ", ".join(
        f"{k} {sum(ps_) / len(ps_):.3f}" for k, ps_ in
        (("C", by[1.0]), ("P", by[0.5]), ("W", by[0.0])) if ps_), file=out)


def report(rows, ps, out):
    news = [(r, p) for r, p in zip(rows, ps) if r["file"] == "news"]
    report_news([r for r, _ in news], [p for _, p in news], out)
    keep = [(r, p) for r, p in zip(rows, ps) if r["file"] != "news"]
    rows, ps = [r for r, _ in keep], [p for _, p in keep]
    print("\nDev gold rows:", file=out)
    n = len(rows)
    ys = [r["label"] for r in rows]
    eps = 1e-12
    ll = -sum(y * math.log(max(p, eps)) + (1 - y) * math.log(max(1 - p, eps))
              for p, y in zip(ps, ys)) / n
    brier = sum((p - y) ** 2 for p, y in zip(ps, ys)) / n
    base = sum(ys) / n
    ll0 = -(base * math.log(base) + (1 - base) * math.log(1 - base))
    brier0 = base * (1 - base)
    print(f"rows {n}, right {sum(ys)} ({base:.3f})", file=out)
    print(f"cross-validated log-loss {ll:.4f} (constant {ll0:.4f}), "
          f"Brier {brier:.4f} (constant {brier0:.4f})", file=out)
    print("\n| bin | events | mean predicted | observed right |", file=out)
    print("|---|---:|---:|---:|", file=out)
    for b in range(10):
        sel = [(p, y) for p, y in zip(ps, ys) if min(int(p * 10), 9) == b]
        if not sel:
            print(f"| {b / 10:.1f}-{(b + 1) / 10:.1f} | 0 | - | - |", file=out)
            continue
        mp = sum(p for p, _ in sel) / len(sel)
        oy = sum(y for _, y in sel) / len(sel)
        print(f"| {b / 10:.1f}-{(b + 1) / 10:.1f} | {len(sel)} | {mp:.3f} | {oy:.3f} |",
              file=out)
    shown = [(p, r["label"]) for p, r in zip(ps, rows) if r["shown"]]
    right = sum(y for _, y in shown)
    print(f"\nEvents the rules let through (--min-confidence 0): {len(shown)}, right {right} "
          f"({right / len(shown):.3f})", file=out)
    print("\n| --min-confidence | kept | precision | recall |", file=out)
    print("|---:|---:|---:|---:|", file=out)
    for t in [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]:
        kept = [y for p, y in shown if p >= t]
        prec = sum(kept) / len(kept) if kept else 0.0
        rec = sum(kept) / right if right else 0.0
        print(f"| {t:.1f} | {len(kept)} | {prec:.3f} | {rec:.3f} |", file=out)
    print("\nPer file (out-of-fold):", file=out)
    for f in sorted({r["file"] for r in rows}):
        sel = [(p, r["label"]) for p, r in zip(ps, rows) if r["file"] == f]
        b = sum((p - y) ** 2 for p, y in sel) / len(sel)
        print(f"  {f}: {len(sel)} events, right {sum(y for _, y in sel) / len(sel):.3f}, "
              f"mean predicted {sum(p for p, _ in sel) / len(sel):.3f}, Brier {b:.4f}",
              file=out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("features", help="rows of dyad eval --dump-features")
    ap.add_argument("--gold", default="../shared/eval/dev", help="gold folder (clusters)")
    ap.add_argument("--out", help="model file to write (default: report only)")
    ap.add_argument("--news", help="judged news rows (scripts/confidence-on-judged.py --dump)")
    ap.add_argument("--news-weight", type=float, default=NEWS_WEIGHT,
                    help="weight of each judged news row against a dev row")
    args = ap.parse_args()
    rows = load(args.features, args.gold)
    if args.news:
        for line in open(args.news, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                r["weight"] = args.news_weight
                rows.append(r)
    names = sorted({k for r in rows for k in r["x"]})
    folds = folds_of(rows)
    ps = [0.0] * len(rows)
    for k in range(FOLDS):
        w = fit([r for r, f in zip(rows, folds) if f != k], names)
        for i, (r, f) in enumerate(zip(rows, folds)):
            if f == k:
                ps[i] = predict(w, r)
    report(rows, ps, sys.stdout)
    if args.out:
        w = fit(rows, names)
        with open(args.out, "w", encoding="utf-8") as out:
            out.write("# dyad's confidence model: a logistic regression, P(right) =\n"
                      "# 1 / (1 + exp(-sum(weight * feature))). Features are named in\n"
                      "# crates/dyad-core/src/events/confidence.rs; one absent is 0.\n"
                      "# Written by scripts/train-confidence.py from dyad eval\n"
                      "# --dump-features over the dev gold"
                      + (f" and {args.news} (judged news,\n# weight {args.news_weight})"
                         if args.news else "") + " (see docs/accuracy.md).\n")
            for n in sorted(names, key=lambda n: (n != "bias", n)):
                out.write(f"{n} {w[n]:.4f}\n")


if __name__ == "__main__":
    main()
