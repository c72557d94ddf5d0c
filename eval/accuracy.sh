#!/usr/bin/env bash
# Regenerates docs/accuracy.md: every metric `dyad eval` reports on the development
# data (../shared/eval/dev/, scored as ../shared/eval/README.md says) beside PETRARCH-2's
# figures on the same sets, with the date and the git commit measured.
# Usage: eval/accuracy.sh   (from anywhere; builds the release binary)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/eval/dev ] || { echo "accuracy.sh: ../shared/eval/dev not found" >&2; exit 1; }
cmd='cargo run --release -q -p dyad -- eval ../shared/eval/dev/*.jsonl --json'
json=$(mktemp)
trap 'rm -f "$json"' EXIT
eval "$cmd" >"$json"
commit=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- || commit="$commit (with uncommitted changes)"
# The sections after the generated table (## Confidence: calibration, ...) are written
# by hand: keep them.
kept=$(mktemp)
trap 'rm -f "$json" "$kept"' EXIT
if [ -f docs/accuracy.md ]; then sed -n '/^## /,$p' docs/accuracy.md >"$kept"; fi
python3 - "$json" "$cmd" "$commit" "$(date -u +%Y-%m-%d)" >docs/accuracy.md <<'PY'
import json, sys
report, cmd, commit, day = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3], sys.argv[4]
petrarch = {  # PETRARCH-2's figures on the same sets
    ("cameo_manual", "root_accuracy"): 0.234, ("cameo_manual", "code_accuracy"): 0.075,
    ("plover_gsr", "triple_f1"): 0.235, ("plover_gsr", "code_f1"): 0.295, ("plover_gsr", "pair_f1"): 0.396,
    ("plv", "accuracy"): 0.284, ("plv", "macro_f1"): 0.379,
    ("conflibert_cameo", "accuracy"): 0.328, ("conflibert_cameo", "macro_f1"): 0.431,
}
order = ["triple_f1", "code_f1", "pair_f1", "accuracy", "macro_f1", "root_accuracy", "root_macro_f1", "code_accuracy", "code_macro_f1", "actor_recall"]
key = lambda m: (order.index(m) if m in order else len(order), m)
print("# Accuracy on the development data\n")
print(f"Measured {day} at commit `{commit}` with `{cmd}`")
print("(scoring: `../shared/eval/README.md`). Regenerate with `eval/accuracy.sh`.\n")
print("| file | metric | dyad | PETRARCH-2 |\n|---|---|---:|---:|")
skipped = []
for f in report["files"]:
    if "skipped" in f:
        skipped.append(f)
        continue
    for m in sorted(f["metrics"], key=key):
        p = petrarch.get((f["name"], m))
        print(f"| {f['name']} | {m} | {f['metrics'][m]:.3f} | {'' if p is None else f'{p:.3f}'} |")
if skipped:
    print("\nNot scored:\n")
    for f in skipped:
        print(f"- `{f['name']}`: {f['skipped']}")
PY
if [ -s "$kept" ]; then printf '\n' >>docs/accuracy.md; cat "$kept" >>docs/accuracy.md; fi
echo "wrote docs/accuracy.md" >&2
