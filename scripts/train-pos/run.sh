#!/usr/bin/env bash
# Trains dyad's part-of-speech tagger from scratch and checks the Rust tagger against
# the training script (see README.md):
#
#   scripts/train-pos/run.sh [WORK_DIR]
#
# WORK_DIR (default /tmp/dyad-train-pos) receives the virtual environment, the token
# dumps and the silver tags; none of it is committed. The model is written to
# models/pos-tagger.bin. Environment: DYAD_SHARED (default ../shared beside the
# repository), EPOCHS (default 5).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${1:-/tmp/dyad-train-pos}
shared=${DYAD_SHARED:-$root/../shared}
epochs=${EPOCHS:-5}
corpora=(bbc-news-2004-2005-mlg-ucd-2225:0.65 reuters21578-1987-newswire:0.38)
mkdir -p "$work"

if [[ ! -x $work/venv/bin/python ]]; then
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install -q -r "$here/requirements.txt"
fi
py=$work/venv/bin/python

cd "$root"
dump() { # sentences, tokens and features of the first 3,000 documents (--tag: and tags)
    cargo build -q --release -p dyad-core --example pos_features
    for c in "${corpora[@]}"; do
        ./target/release/examples/pos_features "$shared/corpus/${c%%:*}.jsonl" 3000 "$@" \
            > "$work/${c%%:*}.jsonl"
    done
}
dump
specs=() dumps=()
for c in "${corpora[@]}"; do
    specs+=("$work/${c%%:*}.jsonl:${c##*:}")
    dumps+=("$work/${c%%:*}.jsonl")
done
"$py" "$here/silver.py" "$work/silver" "${specs[@]}"
# dump --tag below rebuilds the example with the new model
(cd "$here" && "$py" train.py "$work/silver" "$work/full.bin" "$epochs") | tee "$work/report.txt"
(cd "$here" && "$py" prune.py "$work/silver" "$work/full.bin" "$root/models/pos-tagger.bin" 50000) \
    | tee -a "$work/report.txt"
dump --tag # rebuilt with the new model
(cd "$here" && "$py" check.py "$work/silver" "${dumps[@]}") | tee -a "$work/report.txt"
