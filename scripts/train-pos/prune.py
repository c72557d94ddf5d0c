"""Keeps the most useful features of a model file, so that the tagger's table stays
small (read in a few milliseconds at start-up, and mostly in cache while tagging).

    python prune.py SILVER_DIR IN.bin OUT.bin MAX_FEATURES

A feature's use is the sum of its absolute weights. Reports the held-out accuracy of
the pruned model.
"""

import struct
import sys

from train import TAGS, int_predict, load, predicted_pairs, report, write_model


def read_model(path):
    with open(path, "rb") as fh:
        b = fh.read()
    assert b[:8] == b"DYADPOS1"
    at = 8
    ntags, nlen = struct.unpack_from("<BH", b, at)
    at += 3
    assert b[at:at + nlen].decode().split() == TAGS and ntags == len(TAGS)
    at += nlen
    (nwords,) = struct.unpack_from("<I", b, at)
    at += 4
    words = {}
    for _ in range(nwords):
        w, t = struct.unpack_from("<IB", b, at)
        at += 5
        words[w] = t
    (nfeatures,) = struct.unpack_from("<I", b, at)
    at += 4
    table = {}
    for _ in range(nfeatures):
        k, n = struct.unpack_from("<IB", b, at)
        at += 5
        row = {}
        for _ in range(n):
            c, w = struct.unpack_from("<Bb", b, at)
            at += 2
            row[c] = w
        table[k] = row
    return words, table


def main():
    silver, src, dst, limit = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    words, table = read_model(src)
    ranked = sorted(table, key=lambda f: (-sum(abs(w) for w in table[f].values()), f))
    kept = {f: table[f] for f in ranked[:limit]}
    size = write_model(dst, words, kept)
    print(f"pruned: {len(kept)} of {len(table)} features, {size} bytes")
    heldout = load(f"{silver}/heldout.jsonl")
    report(predicted_pairs(heldout, int_predict(kept), words))


if __name__ == "__main__":
    main()
