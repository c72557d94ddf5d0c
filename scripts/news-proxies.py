#!/usr/bin/env python3
"""Precision proxies on real news (issue: trustworthy events on real news).

Runs dyad's default `dyad code` output over the shared news corpora and prints:
  - events per 100 sentences on Reuters (target <= 10),
  - QuadClass-4 events per 1,000 sentences in BBC sport, entertainment and tech stories (target <= 3),
  - the share of events without a target, per corpus,
  - events per 100 sentences on BBC politics and business.

    scripts/news-proxies.py [--bin target/release/dyad] [--shared ../shared] [--json]

The corpora are read from ../shared at run time (a visible SKIP where it is absent).
"""
import argparse, collections, json, os, subprocess, sys, tempfile


def run(bin_, args, stdin=None):
    p = subprocess.run([bin_, "--quiet", *args], input=stdin, capture_output=True, check=False)
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def count(bin_, path):
    """(sentences per doc, events) for one JSON Lines file."""
    sents = collections.Counter(r["doc_id"] for r in run(bin_, ["sentences", path]))
    events = run(bin_, ["code", path])
    return sents, events


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/dyad")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    corpus = os.path.join(a.shared, "corpus")
    if not os.path.isdir(corpus):
        print(f"SKIP: {corpus} not found", file=sys.stderr)
        return 0
    out = {}
    sents, events = count(a.bin, os.path.join(corpus, "reuters21578-1987-newswire.jsonl"))
    n = sum(sents.values())
    out["reuters"] = {
        "sentences": n,
        "events": len(events),
        "events_per_100_sentences": round(100 * len(events) / n, 2),
        "share_without_target": round(sum(e["target"] is None for e in events) / max(1, len(events)), 3),
    }
    sents, events = count(a.bin, os.path.join(corpus, "bbc-news-2004-2005-mlg-ucd-2225.jsonl"))
    cat = lambda doc_id: doc_id.split("-")[1]
    by_cat = collections.defaultdict(lambda: {"sentences": 0, "events": 0, "quad4": 0, "no_target": 0})
    for d, k in sents.items():
        by_cat[cat(d)]["sentences"] += k
    for e in events:
        c = by_cat[cat(e["doc_id"])]
        c["events"] += 1
        c["quad4"] += e["cameo"]["quad_class"] == 4
        c["no_target"] += e["target"] is None
    soft = [by_cat[c] for c in ("sport", "entertainment", "tech")]
    s = sum(c["sentences"] for c in soft)
    out["bbc_soft_quad4_per_1000_sentences"] = round(1000 * sum(c["quad4"] for c in soft) / s, 2)
    for c, v in sorted(by_cat.items()):
        v["events_per_100_sentences"] = round(100 * v["events"] / max(1, v["sentences"]), 2)
        out[f"bbc_{c}"] = v
    all_bbc = sum(v["events"] for v in by_cat.values())
    out["bbc_share_without_target"] = round(sum(v["no_target"] for v in by_cat.values()) / max(1, all_bbc), 3)
    if a.json:
        print(json.dumps(out, indent=1))
    else:
        r = out["reuters"]
        print(f"reuters: {r['events']} events in {r['sentences']} sentences = {r['events_per_100_sentences']} per 100 (target <= 10); "
              f"{r['share_without_target']:.1%} without a target")
        print(f"bbc sport+entertainment+tech: {out['bbc_soft_quad4_per_1000_sentences']} QuadClass-4 events per 1,000 sentences (target <= 3)")
        for c in ("business", "politics", "sport", "entertainment", "tech"):
            v = out[f"bbc_{c}"]
            print(f"bbc {c:13} {v['events']:5} events {v['sentences']:6} sentences {v['events_per_100_sentences']:6} per 100, quad4 {v['quad4']}, no target {v['no_target']}")
        print(f"bbc: {out['bbc_share_without_target']:.1%} of events without a target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
