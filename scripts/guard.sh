#!/usr/bin/env bash
# Behaviour guard for refactors: save dyad's full output on a fixed set of inputs, then
# check that a later build gives byte-identical output and equal eval figures.
#
#   scripts/guard.sh save  [DIR]   # before the change (default DIR: target/guard/base)
#   scripts/guard.sh check [DIR]   # after each step: compares against DIR, exit 1 on any difference
#
# Inputs: the reference article, examples/, the three JSON Lines corpora and every dev
# gold file from ../shared (skipped with a visible SKIP where ../shared is absent).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: scripts/guard.sh save|check [DIR]}
base=${2:-target/guard/base}
shared=../shared

cargo build -q --release -p dyad
bin=target/release/dyad
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

run() { # name, then dyad arguments
  local name=$1; shift
  "$bin" --quiet --threads 2 "$@" > "$out/$name" 2>/dev/null || true
}

run examples.jsonl --published 2024-05-14 code --modes all --explain examples/
if [ -d "$shared" ]; then
  run seed.jsonl --published 2023-03-22 code --modes all --explain "$shared"/seed/000_2a29cbd5cd4e37c6.txt
  for f in "$shared"/corpus/*.jsonl; do
    run "corpus-$(basename "$f")" code --modes all --explain "$f"
  done
  for f in "$shared"/eval/dev/*.jsonl; do
    run "gold-$(basename "$f")" --input-format jsonl code --modes all --explain "$f"
  done
  "$bin" eval "$shared"/eval/dev/*.jsonl > "$out/eval.txt" 2>&1 || true
else
  echo "SKIP: $shared not found; guarding examples/ only"
fi

case $mode in
  save)
    rm -rf "$base"; mkdir -p "$base"; cp "$out"/* "$base"/
    echo "saved $(ls "$base" | wc -l) outputs in $base ($(cat "$base"/* | wc -c) bytes)"
    ;;
  check)
    fail=0
    for f in "$base"/*; do
      n=$(basename "$f")
      if cmp -s "$f" "$out/$n"; then
        echo "same      $n ($(wc -c < "$f") bytes)"
      else
        echo "DIFFERENT $n"; diff <(head -c 2000000 "$f") <(head -c 2000000 "$out/$n") | head -20 || true
        fail=1
      fi
    done
    [ $fail = 0 ] && echo "guard: all outputs byte-identical" || { echo "guard: outputs differ"; exit 1; }
    ;;
  *) echo "usage: scripts/guard.sh save|check [DIR]"; exit 2 ;;
esac
