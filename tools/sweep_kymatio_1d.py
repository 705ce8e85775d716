"""Sweep scatter4j's Scattering1D against Kymatio's over many configurations (N, J, Q1, Q2, T incl.
global, max_order), in float64 and float32, through the command line (`./scatter4j scatter1d`).

Usage (from the repository root):
  KYMATIO_SRC=../shared/peers/kymatio-src python3 tools/sweep_kymatio_1d.py [--count 80] [--seed 7] [--work DIR] [--only NAME,...] [--kinds five|more]

Each configuration is drawn from a fixed generator (so a run is repeatable), gets B = 2 signals of
one of five kinds (noise, chirp, clicks, decaying sine over noise, a loud tone over weak noise),
and is run by Kymatio (float64) and by scatter4j in float64 and float32 (the float32 run reads the
same float64 .npy; `scatter1d` gives its samples to the float32 transform unrounded). Per signal and channel the relative L2 error ||a - k|| / ||k||
is taken; the worst is reported over channels whose energy is above 1e-12 of the signal's
strongest channel (weaker ones are Kymatio's own rounding noise, see docs/signal1d.md), and the
worst over all channels with its energy ratio is reported beside it. A configuration that Kymatio
refuses (exception) must be refused by scatter4j too (exit code 2, one line on stderr); one that
scatter4j refuses while Kymatio accepts is listed as such. Prints one line per configuration and a
summary; exit code 1 when a float64 error > 1e-5 or float32 error > 1e-4 (on the kept channels) or
the refusals disagree.
"""
import argparse, json, math, os, subprocess, sys, tempfile, warnings
import numpy as np
import scipy.special
if not hasattr(scipy.special, "sph_harm"):
    scipy.special.sph_harm = None  # scipy >= 1.15 dropped it; only Kymatio 3D uses it
sys.path.insert(0, os.environ.get("KYMATIO_SRC", "../shared/peers/kymatio-src"))
from kymatio.numpy import Scattering1D

KINDS = ["noise", "chirp", "clicks", "sine", "range"]
# --kinds more: signals the five above do not cover (edges, silence, extreme amplitudes)
MORE_KINDS = ["step", "impulse", "square", "burst", "dc", "tiny", "huge", "zeros"]


def signal(kind, N, B, rng):
    t = np.arange(N) / N
    xs = []
    for b in range(B):
        if kind == "chirp":
            x = np.cos(2 * np.pi * (20 + 300 * t * (b + 1)) * t * N / 8)
        elif kind == "clicks":
            x = np.zeros(N); x[rng.integers(0, N, 12)] = rng.normal(size=12)
        elif kind == "range":
            x = np.sin(2 * np.pi * (0.21 + 0.05 * b) * np.arange(N)) + 2e-3 * rng.normal(size=N)
        elif kind == "sine":
            x = np.sin(2 * np.pi * 440 * np.arange(N) / 8000) * np.exp(-3 * t) + 0.1 * rng.normal(size=N)
        elif kind == "step":  # a discontinuity, and the reflect padding of a nonzero edge
            x = np.where(t < 0.3 + 0.2 * b, -1.0, 2.0) + 1e-3 * rng.normal(size=N)
        elif kind == "impulse":  # one sample, at the edge for the first signal
            x = np.zeros(N); x[0 if b == 0 else N // 3] = 1.0
        elif kind == "square":
            x = np.sign(np.sin(2 * np.pi * (3 + 5 * b) * t))
        elif kind == "burst":  # a short tone in silence, as in a spoken-digit recording
            x = np.sin(2 * np.pi * 0.05 * np.arange(N)) * np.exp(-((t - 0.5) / 0.05) ** 2) + 1e-6 * rng.normal(size=N)
        elif kind == "dc":  # a large mean over weak variations
            x = 100.0 + 0.01 * rng.normal(size=N)
        elif kind == "tiny":
            x = 1e-30 * rng.normal(size=N)
        elif kind == "huge":
            x = 1e30 * rng.normal(size=N)
        elif kind == "zeros":
            x = np.zeros(N) if b == 0 else np.zeros(N) + (np.arange(N) == N // 2)
        else:
            x = rng.normal(size=N) * (1 + np.sin(2 * np.pi * 3 * t))
        xs.append(x)
    return np.array(xs, dtype=np.float64)


def configs(count, seed, kinds=KINDS):
    """Deterministic configurations: lengths from 16 to 16384 (powers of two, odd and prime ones),
    J up to log2 N (J = 0 and 2^J > N are refused by scatter4j, a few are drawn to check it), Q1
    1..32, Q2 1..4, T default / global / an integer in 1..N, order 1 or 2; the work of each
    (N times the number of wavelets) is capped so that a run stays within minutes."""
    rng = np.random.default_rng(seed)
    lengths = [16, 37, 64, 100, 128, 257, 500, 512, 777, 1000, 1024, 2048, 3001, 4096, 8192, 16384]
    out = []
    while len(out) < count:
        N = int(rng.choice(lengths))
        Jmax = int(math.floor(math.log2(N)))
        J = int(rng.integers(1, Jmax + 1)) if rng.random() > 0.03 else int(rng.choice([0, Jmax + 1]))
        Q1 = int(rng.choice([1, 2, 3, 4, 6, 8, 12, 16, 24, 32]))
        Q2 = int(rng.choice([1, 1, 2, 4]))
        r = rng.random()
        if r < 0.35:
            T = None
        elif r < 0.5:
            T = "global"
        else:
            T = int(rng.integers(1, N + 1)) if rng.random() < 0.7 else int(2 ** rng.integers(0, Jmax + 1))
        order = 2 if rng.random() < 0.8 else 1
        if N * Q1 * max(J, 1) > 2_000_000:
            continue
        kind = kinds[len(out) % len(kinds)]
        name = f"{kind}{N}_J{J}_Q{Q1}_{Q2}_T{T if T is not None else 'def'}_o{order}"
        out.append(dict(name=name, kind=kind, N=N, J=J, Q1=Q1, Q2=Q2, T=T, order=order))
    return out


def rel_errors(a, k):
    """(B, C) relative L2 errors and (B, C) energy of each channel relative to the signal's strongest."""
    num = np.sum((a - k) ** 2, axis=-1)
    den = np.sum(k ** 2, axis=-1)
    err = np.sqrt(num / np.maximum(den, 1e-300))
    ratio = den / np.maximum(den.max(axis=1, keepdims=True), 1e-300)
    return err, ratio


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=80)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--work", default=None)
    ap.add_argument("--only", default=None)
    ap.add_argument("--launcher", default="./scatter4j")
    ap.add_argument("--kinds", default="five", help="five (the default kinds) or more (MORE_KINDS)")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="sweep1d-")
    os.makedirs(work, exist_ok=True)
    rng = np.random.default_rng(a.seed + 1)
    cs = configs(a.count, a.seed, MORE_KINDS if a.kinds == "more" else KINDS)
    if a.only:
        keep = set(a.only.split(","))
        cs = [c for c in cs if c["name"] in keep]
    worst = {"float64": (0, None), "float32": (0, None)}
    worst_any = {"float64": (0, None, 0), "float32": (0, None, 0)}
    bad = []
    refused = []
    for c in cs:
        x = signal(c["kind"], c["N"], 2, rng)
        Q = (c["Q1"], c["Q2"])
        kym_error = None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                S = Scattering1D(J=c["J"], shape=c["N"], Q=Q, T=c["T"], max_order=c["order"])
                ref = S(x)
        except Exception as e:
            kym_error = f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"
        inp = os.path.join(work, c["name"] + "_in.npy")
        np.save(inp, x)
        results = {}
        messages = {}
        for prec in ["float64", "float32"]:
            outp = os.path.join(work, f"{c['name']}_{prec}.npy")
            cmd = [a.launcher, "scatter1d", f"--J={c['J']}", f"--Q={c['Q1']},{c['Q2']}", f"--max-order={c['order']}",
                   f"--precision={prec}", "--overwrite", inp, outp]
            if c["T"] is not None:
                cmd.insert(3, f"--T={c['T']}")
            p = subprocess.run(cmd, capture_output=True, text=True)
            if p.returncode != 0:
                messages[prec] = (p.returncode, p.stderr.strip())
            else:
                results[prec] = np.load(outp).astype(np.float64)
                os.remove(outp)
                os.remove(outp[:-4] + ".paths.json")
        os.remove(inp)
        if kym_error is not None or messages:
            ours = messages.get("float64", (0, ""))
            line = f"{c['name']}: Kymatio {'refuses (' + kym_error + ')' if kym_error else 'accepts'}; scatter4j " \
                   + (f"refuses (exit {ours[0]}: {ours[1]})" if messages else "accepts")
            print(line, flush=True)
            refused.append(line)
            if kym_error is not None and not messages:
                bad.append(c["name"] + ": Kymatio refuses, scatter4j accepts")
            if messages and (ours[0] != 2 or len(ours[1].splitlines()) != 1):
                bad.append(c["name"] + ": refusal not a one-line message with exit code 2")
            continue
        parts = []
        for prec in ["float64", "float32"]:
            y = results[prec]
            if y.shape != ref.shape:
                bad.append(f"{c['name']} {prec}: shape {y.shape} against {ref.shape}")
                continue
            err, ratio = rel_errors(y, ref)
            kept = ratio > 1e-12
            e = float(err[kept].max()) if kept.any() else 0.0
            i = np.unravel_index(np.argmax(np.where(kept, err, -1)), err.shape)
            ea = float(err.max())
            ia = np.unravel_index(np.argmax(err), err.shape)
            parts.append(f"{prec} {e:.2e} (signal {i[0]} ch {i[1]}; all channels {ea:.2e} at energy {ratio[ia]:.1e})")
            if e > worst[prec][0]:
                worst[prec] = (e, f"{c['name']} signal {i[0]} channel {i[1]}")
            if ea > worst_any[prec][0]:
                worst_any[prec] = (ea, c["name"], float(ratio[ia]))
            if e > (1e-5 if prec == "float64" else 1e-4):
                bad.append(f"{c['name']} {prec}: {e:.2e} on channel {i[1]} of signal {i[0]}")
        print(f"{c['name']} C={ref.shape[1]} N'={ref.shape[2]}: " + "; ".join(parts), flush=True)
    print()
    print(f"configurations: {len(cs)}, compared: {len(cs) - len(refused)}, refused: {len(refused)}")
    for prec in ["float64", "float32"]:
        print(f"worst {prec} on channels above 1e-12 of the strongest: {worst[prec][0]:.2e} ({worst[prec][1]});"
              f" over all channels {worst_any[prec][0]:.2e} ({worst_any[prec][1]}, channel energy {worst_any[prec][2]:.1e} of the strongest)")
    for b in bad:
        print("FAIL", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
