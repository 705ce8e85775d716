#!/usr/bin/env bash
# Developer tool (not part of the tests): times Kymatio and scatter4j on the same cases in the same
# run and prints the speed-up per case. Kymatio comes from ../shared/peers (see its README): it needs
# python3 with numpy and scipy (and torch for --backend torch).
#
#   benchmarks/compare-kymatio.sh [--cases a,b,c] [--backend numpy|torch] [--repeats 5] [--threads 2]
#
# Kymatio's case d builds its filters for 56-91 s on a 2-core machine; it is left out unless asked.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cases=a,b,c; backend=numpy; repeats=5; threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases=$2; shift 2 ;;
    --backend) backend=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "compare-kymatio.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
peers="$root/../shared/peers"
[ -f "$peers/kymatio_bench.py" ] || { echo "compare-kymatio.sh: $peers/kymatio_bench.py not found" >&2; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "== Kymatio ($backend, $threads threads)"
# OPENBLAS_CORETYPE/L2_SIZE slow a current numpy on this machine class; unset for this command only
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE KYMATIO_SRC="$peers/kymatio-src" python3 "$peers/kymatio_bench.py" \
  --backend "$backend" --cases "$cases" --repeats "$repeats" --threads "$threads" --json "$tmp/kymatio.jsonl" | grep -v '^JSON\|^INFO'
echo "== scatter4j ($threads threads)"
"$root/scatter4j" bench --case "$cases" --repeats "$repeats" --threads "$threads" --json "$tmp/scatter4j.json"
python3 - "$tmp/kymatio.jsonl" "$tmp/scatter4j.json" <<'PY'
import json, sys
ky = {}
for line in open(sys.argv[1]):
    line = line.strip()
    if line:
        for r in json.loads(line).get("results", []):
            ky[r.get("case")] = r
ours = {c["case"]: c for c in json.load(open(sys.argv[2]))["cases"]}
print("\ncase  Kymatio ms/image  scatter4j ms/image  speed-up")
for case, c in ours.items():
    k = ky.get(case)
    km = k and k.get("ms_per_image_median")
    print(f"{case:5} {km if km else float('nan'):16.3f} {c['ms_per_image']:19.3f} {km / c['ms_per_image'] if km else float('nan'):9.2f}x")
PY
