#!/usr/bin/env bash
# Runs dyad's cargo-fuzz targets (fuzz/) for SECONDS each and prints, per
# target, the executions and the crashes found.
#
#   scripts/fuzz.sh [SECONDS [TARGET...]]      (default: 60 s, every target)
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`); runs on stable Rust with
# RUSTC_BOOTSTRAP=1. Seed corpora are generated here, from the repository's own
# examples, dictionaries and scripts/malformed-corpus, into fuzz/corpus/
# (ignored by git; the fuzzer adds what it finds there). A crash leaves its
# input in fuzz/artifacts/TARGET/: turn each into a regression test.
#
# Options (environment):
#   FUZZ_SANITIZER  none (default) or address. The code fuzzed is safe Rust (no
#                   `unsafe` in dyad's crates nor in the extractor), where a
#                   memory error cannot happen; panics, hangs (-timeout) and
#                   memory blow-ups (-rss_limit_mb) are caught either way. ASan
#                   costs 2 to 3 times the executions; use it to check the
#                   dependencies' own `unsafe` (html5ever, encoding_rs, miniz).
#   FUZZ_MAX_LEN    the largest input tried (default 65536, so that the
#                   harness's 64 KiB document and record limits are reached; 4096
#                   was measured only 12% faster on read_html and read_warc,
#                   whose cost per input is the extractor's and the
#                   instrumentation's, not the input's length).
#   FUZZ_TRACE_CMP  1 (default) or 0. 0 builds without comparison tracing
#                   (`--no-trace-compares`): the fuzzer guesses magic bytes less
#                   well but runs faster on the slow targets (read_html,
#                   read_warc), whose time went 40% to tracing comparisons.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
shift || true
export RUSTC_BOOTSTRAP=1
sanitizer=${FUZZ_SANITIZER:-none}
max_len=${FUZZ_MAX_LEN:-65536}
trace=()
[ "${FUZZ_TRACE_CMP:-1}" = 0 ] && trace=(--no-trace-compares)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && cargo fuzz list)
fi

seed() {
  local t=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir")" ] && return 0
  local small
  small=$(mktemp -d)
  scripts/malformed-corpus "$small" 20000 2000 >/dev/null
  case $t in
    read_text | pipeline | dates) cp examples/*.txt "$dir"/; cp "$small"/*.txt "$dir"/ ;;
    read_jsonl | gold) cp "$small"/*.jsonl "$dir"/; printf '{"id": "a", "text": "t", "date": "121108", "events": [{"source": "USA", "target": null, "code": "042"}]}\n' >"$dir/gold.jsonl" ;;
    read_html) cp "$small"/*.html "$dir"/; head -c 3000 "$small"/bad-nested.html >"$dir/nested.html" ;;
    read_warc) cp "$small"/*.warc "$dir"/ ;;
    read_gzip) for f in "$small"/*.gz; do tail -c +11 "$f" >"$dir/$(basename "$f")"; done ;;
    dict_agents) cp dictionaries/agents.txt "$dir"/ ;;
    dict_cameo) cp dictionaries/cameo.txt "$dir"/ ;;
    dict_actors) cp dictionaries/actors/*.txt "$dir"/ ;;
    dict_people) cp dictionaries/people/*.txt "$dir"/ ;;
    dict_places) cp dictionaries/places/*.txt "$dir"/ ;;
    dict_verbs) cp dictionaries/verbs/*.txt "$dir"/ ;;
    dict_irregular) cp dictionaries/verbs/irregular.txt "$dir"/ 2>/dev/null || true ;;
  esac
  rm -rf "$small"
}

printf '%-16s %14s %8s\n' target executions crashes
for t in "${targets[@]}"; do
  seed "$t"
  log=$(mktemp)
  (cd fuzz && cargo fuzz run -O -s "$sanitizer" "${trace[@]}" "$t" "corpus/$t" -- -max_total_time="$secs" \
    -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1) >"$log" 2>&1 || true
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  crashes=$(ls fuzz/artifacts/"$t" 2>/dev/null | wc -l)
  printf '%-16s %14s %8s\n' "$t" "${runs:-?}" "$crashes"
  if [ -z "$runs" ]; then tail -20 "$log" >&2; fi
  rm -f "$log"
done
