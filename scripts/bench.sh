#!/usr/bin/env bash
# End-to-end benchmarks of the `dyad` binary (see docs/performance.md).
#
#   scripts/bench.sh
#
# Builds the release binary, then measures on the shared corpora (../shared/corpus):
#   1. `dyad code` on Reuters-21578 and BBC News with 1 thread and with every core:
#      wall time, documents/s, sentences/s, MB/s, events/s, peak RSS;
#   2. segmentation on one core (`dyad --threads 1 sentences`), sentences/s, and actor
#      recognition on Reuters (`dyad --threads 1 actors`), MB/s per core;
#   3. peak RSS on ~10 MB, ~100 MB and ~1 GB of JSON Lines (Reuters + BBC repeated,
#      built in a temporary directory under /tmp that is deleted at the end);
#   4. start-up: the median of 20 runs of `dyad code < /dev/null`;
#   5. output formats on Reuters, side by side with JSON Lines (one thread, best of
#      DYAD_BENCH_REPS runs, interleaved): CPU time, wall time, events/s, the cost of
#      each format against jsonl, and the output size; the Parquet lake's size against
#      the JSON Lines output's.
#   6. geolocation (docs/performance.md): `dyad --threads 1 code` on Reuters and BBC with
#      and without the places/location stage (`--no-locations`), interleaved, user CPU
#      time, best and median of DYAD_BENCH_REPS runs, and the stage's cost;
#   7. the store (docs/store.md): `dyad ingest` of Reuters beside `dyad code` of Reuters,
#      re-ingest unchanged, store size per mention, peak RSS; then a store of >= 1 million
#      mentions (Reuters ingested again and again with new ids and years, through
#      standard input) and the latency of `dyad query` for one dyad and one month.
# Every figure is printed with the load average (1 minute) when its run started and
# ended: on a shared machine, figures taken above a load of ~1 per idle core are noisy.
#
# Environment:
#   DYAD_SHARED=DIR          the shared folder (default: ../shared beside the repository)
#   DYAD_BENCH_MAX_LOAD=X    wait (up to DYAD_BENCH_WAIT seconds, default 120) before
#                            each measurement until the 1-minute load is at most X
#                            (default 1.0); after that, measure anyway and say so
#   DYAD_BENCH_BIG=0         skip the ~1 GB memory run
#   DYAD_BENCH_STORE_MENTIONS=N  mentions in the big store (default 1000000; 0 skips it)
#   DYAD_BENCH_ONLY=store    run only the store section
#   DYAD_BENCH_COMMIT=ID     the commit to print when the tree is not a git checkout
#                            (an exported copy)
#   DYAD_BENCH_ONLY=formats  run only the output-format comparison (5.)
#   DYAD_BENCH_ONLY=geo      run only the geolocation comparison (6.)
#   DYAD_BENCH_REPS=N        runs per format in 5. and per side in 6. (default 5)
# MB means 10^6 bytes of input file; RSS is in MiB, as /usr/bin/time reports it (KiB).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
shared=${DYAD_SHARED:-$root/../shared}
reuters=$shared/corpus/reuters21578-1987-newswire.jsonl
bbc=$shared/corpus/bbc-news-2004-2005-mlg-ucd-2225.jsonl
max_load=${DYAD_BENCH_MAX_LOAD:-1.0}
max_wait=${DYAD_BENCH_WAIT:-120}
dyad=./target/release/dyad
cores=$(nproc)

if [[ ! -x /usr/bin/time ]]; then
    echo "bench.sh needs GNU time (/usr/bin/time): apt-get install -y time" >&2
    exit 2
fi
for f in "$reuters" "$bbc"; do
    if [[ ! -f $f ]]; then
        echo "SKIP: $f not found; the end-to-end benchmarks need the shared corpora" >&2
        exit 0
    fi
done

tmp=$(mktemp -d /tmp/dyad-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

cargo build --release -p dyad >&2

load1() { cut -d' ' -f1 /proc/loadavg; }

# Waits until the 1-minute load is at most $max_load (or $max_wait seconds passed).
wait_for_quiet() {
    local waited=0
    while awk -v l="$(load1)" -v m="$max_load" 'BEGIN { exit !(l > m) }'; do
        if ((waited >= max_wait)); then
            echo "  (load $(load1) still above $max_load after ${waited}s: measuring anyway)" >&2
            return
        fi
        sleep 10
        waited=$((waited + 10))
    done
}

# run_timed OUTVAR CMD...: runs CMD with stdout to /dev/null under /usr/bin/time; sets
# OUTVAR to "wall_s peak_kib load_before load_after".
run_timed() {
    local var=$1
    shift
    wait_for_quiet
    local before after
    before=$(load1)
    # dyad exits 1 on an empty input; the time is wanted all the same.
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || true
    after=$(load1)
    printf -v "$var" '%s %s %s' "$(tail -n 1 "$tmp/time")" "$before" "$after"
}

div() { awk -v a="$1" -v b="$2" -v f="${3:-%.0f}" 'BEGIN { printf f, (b > 0 ? a / b : 0) }'; }
mbps() { awk -v a="$1" -v s="$2" 'BEGIN { printf "%.1f", (s > 0 ? a / s / 1e6 : 0) }'; }

echo "# dyad end-to-end benchmarks"
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
if commit=$(git rev-parse --short HEAD 2>/dev/null); then
    git diff --quiet HEAD -- 2>/dev/null || commit="$commit (with local changes)"
else
    commit="${DYAD_BENCH_COMMIT:-unknown (not a git checkout)}"
fi
echo "commit:  $commit"
echo "machine: $cores cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start"
echo

# Output formats against JSON Lines on Reuters (section 5).
formats_bench() {
    local reps=${DYAD_BENCH_REPS:-5}
    local formats="jsonl csv gdelt gdelt-mentions phoenix plover parquet"
    local file=$reuters f args
    echo "## Output formats: dyad --quiet --threads 1 code --format F REUTERS (best of $reps)"
    echo "(CPU = user + system seconds, the steadier figure on a shared machine; cost is the"
    echo " format's CPU time over jsonl's, minus 1. Parquet writes a lake under /tmp.)"
    echo
    fmt_args() {
        case $1 in
        gdelt-mentions) echo "--format gdelt --mentions" ;;
        parquet) echo "--format parquet --out $tmp/lake" ;;
        *) echo "--format $1" ;;
        esac
    }
    wait_for_quiet
    local l0 l1
    l0=$(load1)
    declare -A cpu wall
    for ((rep = 0; rep < reps; rep++)); do
        for f in $formats; do
            rm -rf "$tmp/lake"
            # shellcheck disable=SC2046
            /usr/bin/time -f '%e %U %S' -o "$tmp/time" "$dyad" --quiet --threads 1 code \
                $(fmt_args "$f") "$file" >/dev/null 2>"$tmp/stderr" || true
            read -r w u sy <"$tmp/time"
            local c
            c=$(awk -v u="$u" -v s="$sy" 'BEGIN { printf "%.2f", u + s }')
            if [[ -z ${cpu[$f]:-} ]] || awk -v a="$c" -v b="${cpu[$f]}" 'BEGIN { exit !(a < b) }'; then
                cpu[$f]=$c
            fi
            if [[ -z ${wall[$f]:-} ]] || awk -v a="$w" -v b="${wall[$f]}" 'BEGIN { exit !(a < b) }'; then
                wall[$f]=$w
            fi
        done
    done
    l1=$(load1)
    local events
    events=$({ "$dyad" --quiet code "$file" || true; } | wc -l)
    local jsonl_bytes
    jsonl_bytes=$({ "$dyad" --quiet code "$file" || true; } | wc -c)
    printf '| %-14s | %6s | %6s | %8s | %8s | %10s |\n' format CPU_s wall_s ev/CPU_s cost output_MB
    printf '|%s|\n' "----------------|--------|--------|----------|----------|------------"
    for f in $formats; do
        local bytes
        if [[ $f == parquet ]]; then
            rm -rf "$tmp/lake"
            "$dyad" --quiet code --format parquet --out "$tmp/lake" "$file" 2>/dev/null || true
            bytes=$(du -sb "$tmp/lake" | cut -f1)
            lake_bytes=$bytes
            lake_files=$(find "$tmp/lake" -name '*.parquet' | wc -l)
            rm -rf "$tmp/lake"
        else
            # shellcheck disable=SC2046
            bytes=$({ "$dyad" --quiet code $(fmt_args "$f") "$file" || true; } | wc -c)
        fi
        printf '| %-14s | %6s | %6s | %8s | %7s%% | %10s |\n' "$f" "${cpu[$f]}" "${wall[$f]}" \
            "$(div "$events" "${cpu[$f]}")" \
            "$(awk -v a="${cpu[$f]}" -v b="${cpu[jsonl]}" 'BEGIN { printf "%+.1f", (b > 0 ? (a / b - 1) * 100 : 0) }')" \
            "$(div "$bytes" 1000000 %.2f)"
    done
    echo
    echo "reuters: $events events; JSON Lines $(div "$jsonl_bytes" 1000000 %.2f) MB, Parquet lake $(div "$lake_bytes" 1000000 %.2f) MB in $lake_files part files = $(awk -v a="$lake_bytes" -v b="$jsonl_bytes" 'BEGIN { printf "%.3f", a / b }') of JSON Lines; load $l0→$l1"
    echo
}

# The geolocation stage's cost (section 6): the pipeline with and without it, side by
# side in one run (interleaved, so that both sides see the same load).
geo_bench() {
    local reps=${DYAD_BENCH_REPS:-5}
    echo "## Geolocation: dyad --quiet --threads 1 [--no-locations] code FILE (user CPU s, $reps runs each, interleaved)"
    echo
    printf '| %-8s | %9s | %9s | %11s | %11s | %9s | %9s |\n' corpus with_best without_best with_median without_median cost_best cost_median
    printf '|%s|\n' "----------|-----------|-----------|-------------|-------------|-----------|-----------"
    local file name l0 l1
    for file in "$reuters" "$bbc"; do
        name=$(basename "$file" | cut -d- -f1)
        wait_for_quiet
        l0=$(load1)
        local on=() off=() rep
        for ((rep = 0; rep < reps; rep++)); do
            /usr/bin/time -f '%U' -o "$tmp/time" "$dyad" --quiet --threads 1 code "$file" >/dev/null 2>&1 || true
            on+=("$(tail -n 1 "$tmp/time")")
            /usr/bin/time -f '%U' -o "$tmp/time" "$dyad" --quiet --threads 1 --no-locations code "$file" >/dev/null 2>&1 || true
            off+=("$(tail -n 1 "$tmp/time")")
        done
        l1=$(load1)
        local stats
        stats=$(printf '%s\n' "${on[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%s %s", a[1], a[int((NR + 1) / 2)] }')
        read -r on_best on_median <<<"$stats"
        stats=$(printf '%s\n' "${off[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%s %s", a[1], a[int((NR + 1) / 2)] }')
        read -r off_best off_median <<<"$stats"
        printf '| %-8s | %9s | %9s | %11s | %11s | %8s%% | %8s%% |\n' "$name" "$on_best" "$off_best" "$on_median" "$off_median" \
            "$(awk -v a="$on_best" -v b="$off_best" 'BEGIN { printf "%+.1f", (b > 0 ? (a / b - 1) * 100 : 0) }')" \
            "$(awk -v a="$on_median" -v b="$off_median" 'BEGIN { printf "%+.1f", (b > 0 ? (a / b - 1) * 100 : 0) }')"
        echo "  ($name: load $l0→$l1)"
    done
    echo
}

if [[ ${DYAD_BENCH_ONLY:-} == geo ]]; then
    geo_bench
    exit 0
fi

if [[ ${DYAD_BENCH_ONLY:-} == formats ]]; then
    formats_bench
    exit 0
fi

if [[ ${DYAD_BENCH_ONLY:-} != store ]]; then
echo "## Throughput: dyad --quiet --threads N code FILE > /dev/null"
echo
printf '| %-8s | %7s | %6s | %7s | %9s | %8s | %7s | %6s | %8s | %9s |\n' \
    corpus threads wall_s docs/s sentences/s events/s MB/s RSS_MiB events load
printf '|%s|\n' "----------|---------|--------|---------|-------------|----------|---------|--------|----------|-----------"
for corpus in reuters bbc; do
    file=${!corpus}
    bytes=$(stat -c %s "$file")
    docs=$(grep -c . "$file")
    # Counted once, outside the timed runs: output does not depend on the thread count.
    sentences=$({ "$dyad" --quiet sentences "$file" || true; } | wc -l)
    events=$({ "$dyad" --quiet code "$file" || true; } | wc -l)
    threads_list=1
    ((cores > 1)) && threads_list="1 $cores"
    for n in $threads_list; do
        run_timed r "$dyad" --quiet --threads "$n" code "$file"
        read -r wall kib l0 l1 <<<"$r"
        printf '| %-8s | %7s | %6s | %7s | %11s | %8s | %7s | %6s | %8s | %9s |\n' \
            "$corpus" "$n" "$wall" "$(div "$docs" "$wall")" "$(div "$sentences" "$wall")" \
            "$(div "$events" "$wall")" "$(mbps "$bytes" "$wall")" \
            "$(div "$kib" 1024 %.1f)" "$events" "$l0→$l1"
    done
    echo "$corpus: $docs documents, $sentences sentences, $events events, $bytes bytes" >&2
    eval "sentences_$corpus=$sentences"
done
echo

echo "## Segmentation: dyad --quiet --threads 1 sentences FILE > /dev/null"
echo "(cleaning, sentences and tokens, and one JSON record per sentence with its text)"
echo
for corpus in reuters bbc; do
    file=${!corpus}
    n=sentences_$corpus
    run_timed r "$dyad" --quiet --threads 1 sentences "$file"
    read -r wall kib l0 l1 <<<"$r"
    echo "$corpus: ${wall} s, $(div "${!n}" "$wall") sentences/s, $(mbps "$(stat -c %s "$file")" "$wall") MB/s on one core, peak RSS $(div "$kib" 1024 %.1f) MiB, load $l0→$l1"
done
echo

echo "## Actor recognition: dyad --quiet --threads 1 actors REUTERS > /dev/null"
echo "(runs the whole analysis and writes every sentence's mentions, so its MB/s is a lower"
echo " bound on the speed of the actor stage alone, which the stage benchmark measures)"
echo
bytes=$(stat -c %s "$reuters")
run_timed r "$dyad" --quiet --threads 1 actors "$reuters"
read -r wall kib l0 l1 <<<"$r"
echo "reuters: ${wall} s, $(mbps "$bytes" "$wall") MB/s per core, peak RSS $(div "$kib" 1024 %.1f) MiB, load $l0→$l1"
echo

echo "## Memory: dyad --quiet --threads 2 code BIG > /dev/null"
echo
sizes="10000000 100000000"
[[ ${DYAD_BENCH_BIG:-1} != 0 ]] && sizes="$sizes 1000000000"
unit=$(($(stat -c %s "$reuters") + $(stat -c %s "$bbc")))
printf '| %-8s | %7s | %6s | %7s | %7s | %9s |\n' target input_MB wall_s MB/s RSS_MiB load
printf '|%s|\n' "----------|---------|--------|---------|---------|-----------"
for target in $sizes; do
    big=$tmp/big.jsonl
    copies=$((target / unit + 1))
    # Whole lines of Reuters + BBC, repeated, until the target size is reached.
    { for ((i = 0; i < copies; i++)); do cat "$reuters" "$bbc"; done; } |
        LC_ALL=C awk -v t="$target" '{ print; n += length($0) + 1; if (n >= t) exit }' >"$big" || true
    size=$(stat -c %s "$big")
    run_timed r "$dyad" --quiet --threads 2 code "$big"
    read -r wall kib l0 l1 <<<"$r"
    printf '| %-8s | %7s | %6s | %7s | %7s | %9s |\n' \
        "$((target / 1000000)) MB" "$(div "$size" 1000000 %.1f)" "$wall" \
        "$(mbps "$size" "$wall")" "$(div "$kib" 1024 %.1f)" "$l0→$l1"
    rm -f "$big"
done
echo

echo "## Start-up: dyad code < /dev/null (exits 1: an empty input is reported), 20 runs"
echo
wait_for_quiet
l0=$(load1)
times=()
for _ in $(seq 20); do
    t0=$(date +%s%N)
    "$dyad" --quiet code </dev/null >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000)))
done
l1=$(load1)
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{ a[NR] = $1 } END { printf "%.1f", (a[int((NR + 1) / 2)] + a[int(NR / 2) + 1]) / 2000 }')
echo "median $median ms (min $(echo "$sorted" | head -n1 | awk '{ printf "%.1f", $1 / 1000 }') ms, max $(echo "$sorted" | tail -n1 | awk '{ printf "%.1f", $1 / 1000 }') ms), load $l0→$l1"
/usr/bin/time -f '%M' -o "$tmp/time" "$dyad" --quiet code </dev/null >/dev/null 2>&1 || true
echo "peak RSS on empty input: $(div "$(tail -n 1 "$tmp/time")" 1024 %.1f) MiB"
echo

formats_bench
geo_bench
fi

echo
echo "## Store: dyad ingest (docs/store.md)"
echo
store=$tmp/store.db
bytes=$(stat -c %s "$reuters")
docs=$(grep -c . "$reuters")
run_timed r "$dyad" --quiet code "$reuters"
read -r cwall ckib c0 c1 <<<"$r"
rm -f "$store" "$store-wal" "$store-shm"
run_timed r "$dyad" ingest "$reuters" --store "$store"
read -r iwall ikib i0 i1 <<<"$r"
totals=$(grep 'dyad ingest:' "$tmp/stderr" | tail -n 1 | sed -E 's/.*holds ([0-9]+) documents, ([0-9]+) mentions, ([0-9]+) events.*/\1 \2 \3/')
read -r sdocs smentions sevents <<<"$totals"
run_timed r "$dyad" ingest "$reuters" --store "$store"
read -r rwall rkib r0 r1 <<<"$r"
size=$(($(stat -c %s "$store") + $(stat -c %s "$store-wal" 2>/dev/null || echo 0)))
printf '| %-34s | %6s | %7s | %6s | %7s | %9s |\n' run wall_s docs/s MB/s RSS_MiB load
printf '|%s|\n' "------------------------------------|--------|---------|--------|---------|-----------"
printf '| %-34s | %6s | %7s | %6s | %7s | %9s |\n' "dyad code reuters" "$cwall" "$(div "$docs" "$cwall")" "$(mbps "$bytes" "$cwall")" "$(div "$ckib" 1024 %.1f)" "$c0→$c1"
printf '| %-34s | %6s | %7s | %6s | %7s | %9s |\n' "dyad ingest reuters (new store)" "$iwall" "$(div "$docs" "$iwall")" "$(mbps "$bytes" "$iwall")" "$(div "$ikib" 1024 %.1f)" "$i0→$i1"
printf '| %-34s | %6s | %7s | %6s | %7s | %9s |\n' "dyad ingest reuters (unchanged)" "$rwall" "$(div "$docs" "$rwall")" "$(mbps "$bytes" "$rwall")" "$(div "$rkib" 1024 %.1f)" "$r0→$r1"
echo
echo "ingest throughput: $(div "$cwall" "$iwall" %.2f)x that of dyad code (target >= 0.50); re-ingest unchanged $(div "$iwall" "$rwall" %.1f)x faster than the first ingest (target >= 5)"
echo "store: $sdocs documents, $smentions mentions (every mode), $sevents events; $size bytes, $(div "$size" "$smentions") bytes per mention (documents' text included)"
echo

want=${DYAD_BENCH_STORE_MENTIONS:-1000000}
if ((want > 0)); then
    echo "### Query latency over >= $want mentions"
    echo
    big=$tmp/big.db
    have=0
    k=0
    maxkib=0
    t0=$(date +%s)
    while ((have < want)); do
        # A new copy: new ids, and the story dates moved by k years (so its events are new).
        LC_ALL=C sed -E "s/\"id\": \"/\"id\": \"c$k-/; s/\"published\": \"1987-/\"published\": \"$((1987 + k))-/" "$reuters" >"$tmp/copy.jsonl"
        /usr/bin/time -f "%e %M" -o "$tmp/time" "$dyad" ingest "$tmp/copy.jsonl" --store "$big" 2>"$tmp/stderr" >/dev/null || true
        kib=$(tail -n 1 "$tmp/time" | cut -d' ' -f2)
        ((kib > maxkib)) && maxkib=$kib
        read -r _ have _ <<<"$(grep 'dyad ingest:' "$tmp/stderr" | tail -n 1 | sed -E 's/.*holds ([0-9]+) documents, ([0-9]+) mentions, ([0-9]+) events.*/\1 \2 \3/')"
        k=$((k + 1))
    done
    rm -f "$tmp/copy.jsonl"
    bigsize=$(($(stat -c %s "$big") + $(stat -c %s "$big-wal" 2>/dev/null || echo 0)))
    totals=$("$dyad" aggregate --store "$big" --mode all --format csv | tail -n 1)
    echo "built in $(($(date +%s) - t0)) s: $k copies of Reuters, $have mentions, $bigsize bytes ($(div "$bigsize" "$have") bytes per mention), peak RSS of one ingest $(div "$maxkib" 1024 %.1f) MiB"
    # The busiest dyad, and its busiest month.
    read -r src tgt <<<"$("$dyad" aggregate --store "$big" --by source,target --format csv | tail -n +2 | awk -F, '$2 ~ /^[A-Z]/ && $3 ~ /^[A-Z]/ { print $4, $2, $3 }' | sort -nr | head -n 1 | cut -d' ' -f2-)"
    month=$("$dyad" aggregate --store "$big" --by source --source "$src" --target "$tgt" --per month --format csv | tail -n +2 | sort -t, -k3 -nr | head -n 1 | cut -d, -f1)
    for what in events mentions; do
        flag=
        [[ $what == mentions ]] && flag=--mentions
        wait_for_quiet
        l0=$(load1)
        times=()
        for _ in $(seq 20); do
            t0=$(date +%s%N)
            "$dyad" query --store "$big" $flag --source "$src" --target "$tgt" --from "$month" --to "$month" --limit 0 >"$tmp/q.out"
            t1=$(date +%s%N)
            times+=($(((t1 - t0) / 1000)))
        done
        rows=$(wc -l <"$tmp/q.out")
        sorted=$(printf '%s\n' "${times[@]}" | sort -n)
        median=$(echo "$sorted" | awk '{ a[NR] = $1 } END { printf "%.1f", (a[int((NR + 1) / 2)] + a[int(NR / 2) + 1]) / 2000 }')
        echo "dyad query $flag --source $src --target $tgt --from $month --to $month: $rows $what, median $median ms of 20 runs (process start included; max $(echo "$sorted" | tail -n1 | awk '{ printf "%.1f", $1 / 1000 }') ms), load $l0→$(load1)"
    done
    echo "(totals row of dyad aggregate --mode all: $totals)"
fi
