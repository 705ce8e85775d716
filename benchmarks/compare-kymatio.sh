#!/usr/bin/env bash
# Developer tool (not part of the tests): times Kymatio and scatter4j on the same cases in the same
# run and prints the speed-up per case. Kymatio comes from ../shared/peers (see its README): it needs
# a python3 with numpy and scipy (and torch and packaging, for the torch backend; on Debian:
# apt-get install python3-numpy python3-scipy python3-torch python3-packaging).
#
#   benchmarks/compare-kymatio.sh [--cases a,b,c] [--backend best|numpy|torch] [--repeats 5] [--threads 2]
#                                 [--rounds 1] [--python PYTHON]
#
# Cases a-d and roto are images (Kymatio's kymatio_bench.py); e, f, g are signals (Scattering1D,
# Kymatio's kymatio_bench_1d.py, whose torch backend always uses 2 threads), times per signal.
#
# --backend best (the default) times Kymatio's numpy backend (FFTs on one core) and its torch backend
# (--threads threads) and takes the faster of the two per case as the baseline, as the performance
# targets ask; torch is skipped with a note when no python here imports it. Each backend runs with the
# first of --python, python3, /usr/bin/python3 that imports its modules (Debian's python3-torch
# installs into /usr/bin/python3, which need not be the python3 on the PATH).
#
# --rounds N runs the pair (Kymatio, then scatter4j) N times and ends with the median speed-up per
# case and its range: on a shared machine whose speed drifts over minutes, one round can favour
# either side by a factor of two.
# Kymatio's case d builds its filters for 56-91 s on a 2-core machine; it is left out unless asked.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cases=a,b,c; backend=best; repeats=5; threads=2; rounds=1; python=
while [ $# -gt 0 ]; do
  case "$1" in
    --cases) cases=$2; shift 2 ;;
    --backend) backend=$2; shift 2 ;;
    --repeats) repeats=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    *) echo "compare-kymatio.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
peers="$root/../shared/peers"
# the 2D and the 1D cases go to different Kymatio scripts
cases2d=$(echo "$cases" | tr ',' '\n' | grep -v -x -E 'e|f|g' | paste -sd, - || true)
cases1d=$(echo "$cases" | tr ',' '\n' | grep -x -E 'e|f|g' | paste -sd, - || true)
[ -f "$peers/kymatio_bench.py" ] || { echo "compare-kymatio.sh: $peers/kymatio_bench.py not found" >&2; exit 1; }
[ "$rounds" -ge 1 ] 2>/dev/null || { echo "compare-kymatio.sh: --rounds must be a positive integer, got '$rounds'" >&2; exit 2; }
case "$backend" in
  best) wanted="numpy torch" ;;
  numpy|torch) wanted=$backend ;;
  *) echo "compare-kymatio.sh: --backend must be best, numpy or torch, got '$backend'" >&2; exit 2 ;;
esac
# the python that runs a backend: the first candidate that imports its modules
python_for() {
  local modules="numpy, scipy"; [ "$1" = torch ] && modules="numpy, scipy, torch, packaging"
  # Kymatio imports its 3D module, which needs scipy.special.sph_harm (gone in scipy >= 1.15): the 1D
  # script runs through shim_py, which restores the name before importing Kymatio
  for py in $python python3 /usr/bin/python3; do
    if command -v "$py" >/dev/null && "$py" -c "import $modules" 2>/dev/null; then echo "$py"; return; fi
  done
}
backends=()
for b in $wanted; do
  py=$(python_for "$b")
  if [ -n "$py" ]; then backends+=("$b:$py")
  elif [ "$backend" = best ] && [ "$b" = torch ]; then
    echo "compare-kymatio.sh: no python here imports torch; the baseline is Kymatio's numpy backend alone" >&2
  else echo "compare-kymatio.sh: no python here imports the modules of Kymatio's $b backend" >&2; exit 1; fi
done
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for round in $(seq 1 "$rounds"); do
  [ "$rounds" -gt 1 ] && echo "== round $round of $rounds"
  for bp in "${backends[@]}"; do
    b=${bp%%:*}; py=${bp#*:}
    echo "== Kymatio ($b, $threads threads; $py)"
    # OPENBLAS_CORETYPE/L2_SIZE slow a current numpy on this machine class; unset for this command only
    touch "$tmp/kymatio$round.jsonl"
    if [ -n "$cases2d" ]; then
      env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE KYMATIO_SRC="$peers/kymatio-src" "$py" "$peers/kymatio_bench.py" \
        --backend "$b" --cases "$cases2d" --repeats "$repeats" --threads "$threads" --json "$tmp/kymatio$round.jsonl" | grep -v '^JSON\|^INFO'
    fi
    if [ -n "$cases1d" ]; then
      env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE KYMATIO_SRC="$peers/kymatio-src" "$py" -c '
import runpy, sys
import scipy.special
if not hasattr(scipy.special, "sph_harm"):
    scipy.special.sph_harm = None  # only Kymatio 3D uses it; scipy >= 1.15 dropped it
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")' "$peers/kymatio_bench_1d.py" --backend "$b" --cases "$cases1d" --repeats "$repeats" \
        | tee "$tmp/k1d.out" | grep -v '^{'
      # its last line is one JSON object; keep the 2D script's keys (ms_per_image_median is per signal)
      tail -n 1 "$tmp/k1d.out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
for r in d["results"]:
    r["ms_per_image_median"] = r["ms_per_signal_median"]; r["backend"] = d["backend"]
print(json.dumps({"results": d["results"]}))' >> "$tmp/kymatio$round.jsonl"
    fi
  done
  echo "== scatter4j ($threads threads)"
  "$root/scatter4j" bench --case "$cases" --repeats "$repeats" --threads "$threads" --json "$tmp/scatter4j$round.json"
done
python3 - "$tmp" "$rounds" <<'PY'
import json, statistics, sys
tmp, rounds = sys.argv[1], int(sys.argv[2])
ratios = {}
for r in range(1, rounds + 1):
    ky = {}  # per case, the faster backend's result of this round
    for line in open(f"{tmp}/kymatio{r}.jsonl"):
        line = line.strip()
        if line:
            for x in json.loads(line).get("results", []):
                best = ky.get(x.get("case"))
                if x.get("ms_per_image_median") and (best is None or x["ms_per_image_median"] < best["ms_per_image_median"]):
                    ky[x.get("case")] = x
    ours = {c["case"]: c for c in json.load(open(f"{tmp}/scatter4j{r}.json"))["cases"]}
    print(f"\n{'round ' + str(r) + ': ' if rounds > 1 else ''}case  Kymatio ms/image (backend)  scatter4j ms/image  speed-up")
    for case, c in ours.items():
        k = ky.get(case)
        km = k and k.get("ms_per_image_median")
        ratio = km / c["ms_per_image"] if km else float("nan")
        if km:
            ratios.setdefault(case, []).append(ratio)
        print(f"{case:5} {km if km else float('nan'):16.3f} {'(' + k.get('backend', '?') + ')' if k else '':9} {c['ms_per_image']:19.3f} {ratio:9.2f}x")
if rounds > 1:
    print("\ncase  median speed-up  range over rounds")
    for case, rs in ratios.items():
        print(f"{case:5} {statistics.median(rs):14.2f}x  {min(rs):.2f}-{max(rs):.2f}x")
PY
