#!/usr/bin/env bash
# Developer tool (not part of the tests): times Kymatio and scatter4j on the same cases in the same
# run and prints the speed-up per case. Kymatio comes from ../shared/peers (see its README): it needs
# python3 with numpy and scipy (and torch for --backend torch).
#
#   benchmarks/compare-kymatio.sh [--cases a,b,c] [--backend numpy|torch] [--repeats 5] [--threads 2] [--rounds 1]
#
# --rounds N runs the pair (Kymatio, then scatter4j) N times and ends with the median speed-up per
# case and its range: on a shared machine whose speed drifts over minutes, one round can favour
# either side by a factor of two.
# Kymatio's case d builds its filters for 56-91 s on a 2-core machine; it is left out unless asked.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cases=a,b,c; backend=numpy; repeats=5; threads=2; rounds=1
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases=$2; shift 2 ;;
    --backend) backend=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    *) echo "compare-kymatio.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
peers="$root/../shared/peers"
[ -f "$peers/kymatio_bench.py" ] || { echo "compare-kymatio.sh: $peers/kymatio_bench.py not found" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ "$rounds" -ge 1 ] 2>/dev/null || { echo "compare-kymatio.sh: --rounds must be a positive integer, got '$rounds'" >&2; exit 2; }
for round in $(seq 1 "$rounds"); do
  [ "$rounds" -gt 1 ] && echo "== round $round of $rounds"
  echo "== Kymatio ($backend, $threads threads)"
  # OPENBLAS_CORETYPE/L2_SIZE slow a current numpy on this machine class; unset for this command only
  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE KYMATIO_SRC="$peers/kymatio-src" python3 "$peers/kymatio_bench.py" \
    --backend "$backend" --cases "$cases" --repeats "$repeats" --threads "$threads" --json "$tmp/kymatio$round.jsonl" | grep -v '^JSON\|^INFO'
  echo "== scatter4j ($threads threads)"
  "$root/scatter4j" bench --case "$cases" --repeats "$repeats" --threads "$threads" --json "$tmp/scatter4j$round.json"
done
python3 - "$tmp" "$rounds" <<'PY'
import json, statistics, sys
tmp, rounds = sys.argv[1], int(sys.argv[2])
ratios = {}
for r in range(1, rounds + 1):
    ky = {}
    for line in open(f"{tmp}/kymatio{r}.jsonl"):
        line = line.strip()
        if line:
            for x in json.loads(line).get("results", []):
                ky[x.get("case")] = x
    ours = {c["case"]: c for c in json.load(open(f"{tmp}/scatter4j{r}.json"))["cases"]}
    print(f"\n{'round ' + str(r) + ': ' if rounds > 1 else ''}case  Kymatio ms/image  scatter4j ms/image  speed-up")
    for case, c in ours.items():
        k = ky.get(case)
        km = k and k.get("ms_per_image_median")
        ratio = km / c["ms_per_image"] if km else float("nan")
        if km:
            ratios.setdefault(case, []).append(ratio)
        print(f"{case:5} {km if km else float('nan'):16.3f} {c['ms_per_image']:19.3f} {ratio:9.2f}x")
if rounds > 1:
    print("\ncase  median speed-up  range over rounds")
    for case, rs in ratios.items():
        print(f"{case:5} {statistics.median(rs):14.2f}x  {min(rs):.2f}-{max(rs):.2f}x")
PY
