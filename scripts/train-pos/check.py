"""Scores the tagger as dyad runs it (Rust, the embedded model) on the held-out
sentences: the figures must equal train.py's, or Rust and Python disagree.

    python check.py SILVER_DIR TAGGED.jsonl ...

TAGGED.jsonl: `pos_features CORPUS.jsonl --tag` output, built after the model was
written (the example embeds the model of its build).
"""

import json
import sys

from train import load, report


def main():
    heldout = load(f"{sys.argv[1]}/heldout.jsonl")
    wanted = {(s["doc"], tuple(s["words"])): s["y"] for s in heldout}
    pairs, found = [], 0
    for path in sys.argv[2:]:
        with open(path) as f:
            for line in f:
                rec = json.loads(line)
                y = wanted.pop((rec["doc"], tuple(rec["words"])), None)
                if y is not None:
                    found += 1
                    pairs.extend(zip(rec["t"], y))
    print(f"Rust tagger, held-out: {found} sentences ({len(wanted)} not found)")
    report(pairs)


if __name__ == "__main__":
    main()
