"""The tag features' keys, computed as crates/dyad-core/src/tags/features.rs does.

Every other feature key is read from dyad's own dump (examples/pos_features.rs); only
the features on the tags before a token are computed here, because they depend on the
tags the tagger itself predicts while training.
"""

M = 0xFFFFFFFF

# Template numbers: crates/dyad-core/src/tags/features.rs, `template`.
P1, P2, P1P2, P1W, P1_NEXT, P1_SUFFIX3 = 16, 17, 18, 19, 21, 22


def hash_str(s):
    """FNV-1a over the UTF-8 bytes."""
    h = 0x811C9DC5
    for b in s.encode():
        h = ((h ^ b) * 0x01000193) & M
    return h


def fmix(h):
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & M
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & M
    return h ^ (h >> 16)


def key(t, a):
    return max(fmix((a + t * 0x9E3779B9) & M), 1)


def key2(t, a, b):
    return key(t, a ^ fmix((b + 0x7F4A7C15) & M))


def tag_keys(p1, p2, word, suffix3, next_word):
    """Keys of the features on the two tags before (tag number + 1, 0 at the start)."""
    return (key(P1, p1), key(P2, p2), key2(P1P2, p1, p2), key2(P1W, p1, word),
            key2(P1_NEXT, p1, next_word), key2(P1_SUFFIX3, p1, suffix3))


# The same numbers are asserted in features.rs, so the two cannot drift apart.
assert hash_str("pounds") == 0x50BC7492
assert key(P1, 3) == 0xD7FFB11C
assert key2(P1W, 3, hash_str("march")) == 0x3FFFA767
