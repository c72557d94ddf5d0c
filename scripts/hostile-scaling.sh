#!/usr/bin/env bash
# Time and peak memory of `dyad code` on hostile inputs at two sizes, ten times
# apart: time must grow at most about tenfold and memory stay under 200 MB.
#
#   scripts/hostile-scaling.sh [DYAD_BINARY [KIND...]]
#
# DYAD_BINARY defaults to target/release/dyad; KINDs (default: all) are sentence,
# line-1M, line, nested, bomb, huge, actors (one 1 MB / 10 MB story dense with
# countries, leaders, pronouns and definite descriptions), dense (JSON Lines of
# 200 KB stories of that kind: about 40 bytes of output per byte), stories.
#
# Prints one row per input and size: CPU seconds (user + system: on a shared
# machine wall time says more about the neighbours), wall seconds and peak RSS
# (/usr/bin/time -v).
set -eu
cd "$(dirname "$0")/.."
dyad=${1:-target/release/dyad}
shift || true
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

ACTORS='Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday. The two leaders signed an agreement, and he said they would meet again in Beijing. Russia and China condemned Ukraine, while the president said its troops would stay. Both countries praised Japan, and the government said it will send aid to Kenya. Putin told Xi that Kenyan police and French officials had arrested the rebels. '

gen() { # gen KIND BYTES FILE
  case $1 in
    sentence) yes 'Russia condemned Ukraine and China praised Japan and ' | tr -d '\n' | head -c "$2" >"$3" ;;
    line) { printf '{"text": "'; yes 'Talks resumed and ' | tr -d '\n' | head -c "$2"; printf '"}\n'; } >"$3" ;;
    nested) n=$(($2 / 11)); { printf '<html><body>'; yes '<div>' | head -n "$n" | tr -d '\n'; printf '<p>Russia condemned Ukraine.</p>'; yes '</div>' | head -n "$n" | tr -d '\n'; printf '</body></html>'; } >"$3" ;;
    bomb) yes a | tr -d '\n' | head -c "$2" | gzip -c >"$3" ;;
    huge) yes 'Talks resumed in Geneva on Monday. ' | tr -d '\n' | head -c "$2" >"$3" ;;
    actors) yes "$ACTORS" | tr -d '\n' | head -c "$2" >"$3" ;;
    dense) for _ in $(seq $(($2 / 200000))); do printf '{"text": "'; yes "$ACTORS" | tr -d '\n' | head -c 200000; printf '"}\n'; done >"$3" ;;
    stories) yes '{"text": "Russian troops shelled the Ukrainian city of Kharkiv on Monday, and the Ukrainian government accused Russia of attacking civilians. China urged both sides to return to talks in Geneva, and the European Union imposed new sanctions on Moscow, officials said on Tuesday."}' | head -n $(($2 / 290)) >"$3" ;;
  esac
}

printf '%-10s %12s %8s %8s %8s\n' input bytes cpu_s wall_s peak_MB
run() { # run KIND BYTES EXT FLAGS...
  local kind=$1 bytes=$2 ext=$3
  shift 3
  local f="$work/$kind.$ext"
  gen "$kind" "$bytes" "$f"
  /usr/bin/time -v "$dyad" code -q "$@" "$f" >/dev/null 2>"$work/time" || true
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(grep 'Maximum resident set size' "$work/time" | awk '{print $NF}')
  cpu=$(awk '/User time|System time/ { s += $NF } END { printf "%.2f", s }' "$work/time")
  printf '%-10s %12s %8s %8s %8s\n' "$kind" "$bytes" "$cpu" "$wall" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
  rm -f "$f"
}
sizes() { # sizes KIND: the two sizes, ten times apart, and the flags
  case $1 in
    sentence) echo "200000 2000000 txt" ;;
    line-1M) echo "2000000 20000000 jsonl --max-line-bytes 1M" ;;
    line) echo "20000000 200000000 jsonl" ;;
    nested) echo "110000 1100000 html" ;;
    bomb) echo "10000000 100000000 txt.gz" ;;
    huge) echo "20000000 200000000 txt" ;;
    actors) echo "1000000 10000000 txt --max-document-bytes 20M" ;;
    dense) echo "1000000 10000000 jsonl" ;;
    stories) echo "500000 5000000 jsonl" ;;
  esac
}
kinds=${*:-sentence line-1M line nested bomb huge actors dense stories}
for kind in $kinds; do
  read -r small big ext flags <<<"$(sizes "$kind")"
  gen_kind=${kind%-1M}
  # shellcheck disable=SC2086
  for size in $small $big; do run "$gen_kind" "$size" "$ext" $flags; done
done
