"""Hand-picked 1D configurations beyond tools/sweep_kymatio_1d.py's size cap (N Q1 J <= 2e6), compared
with Kymatio through the command line (`./scatter4j scatter1d`), float64 and float32, as the sweep
does (its signals and its error measure: relative L2 per signal and channel, on channels above 1e-12
of the strongest). Long signals, large Q, Q2 up to 8, T = 1, T = N, the largest J, global averaging.

  KYMATIO_SRC=../shared/peers/kymatio-src python3 tools/stress_kymatio_1d.py [--only NAME,...]

Takes about 5 minutes (Kymatio's numpy backend is most of it). Exit code 1 if a configuration misses
the issue's targets (1e-5 float64, 1e-4 float32) or the two disagree on refusing it.
"""
import argparse, os, subprocess, sys, time, warnings
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweep_kymatio_1d as sweep  # noqa: E402 (sets up Kymatio's import path and the sph_harm shim)
from kymatio.numpy import Scattering1D  # noqa: E402

CONFIGS = [
    dict(kind="noise", N=65536, J=12, Q1=8, Q2=1, T=None),
    dict(kind="chirp", N=100000, J=10, Q1=16, Q2=2, T="global"),
    dict(kind="sine", N=44100, J=9, Q1=12, Q2=1, T=4410),
    dict(kind="clicks", N=262144, J=13, Q1=4, Q2=1, T=None),
    dict(kind="range", N=4096, J=6, Q1=64, Q2=1, T=None),
    dict(kind="chirp", N=2048, J=11, Q1=8, Q2=1, T=None),
    dict(kind="noise", N=8192, J=8, Q1=12, Q2=8, T=None),
    dict(kind="sine", N=3000, J=7, Q1=1, Q2=1, T=1),
    dict(kind="noise", N=16, J=4, Q1=1, Q2=1, T=None),
    dict(kind="clicks", N=17, J=4, Q1=2, Q2=1, T=17),
    dict(kind="range", N=65536, J=4, Q1=32, Q2=4, T=None),
    dict(kind="chirp", N=131072, J=15, Q1=2, Q2=1, T="global"),
    dict(kind="noise", N=4096, J=12, Q1=24, Q2=4, T=2),
    # a chirp's second-order channels far below its strongest, averaged over many samples: the float32
    # noise model's open case (docs/signal1d.md, "The float32 noise model and a chirp's weak channels")
    dict(kind="chirp", N=300000, J=12, Q1=24, Q2=2, T="global"),
    dict(kind="chirp", N=100000, J=10, Q1=24, Q2=2, T=16384),
    # the sweep's --kinds more, long: a tone burst in silence, a step, a large mean, an impulse
    dict(kind="burst", N=200000, J=12, Q1=16, Q2=2, T="global"),
    dict(kind="step", N=100000, J=10, Q1=12, Q2=2, T=8192),
    dict(kind="dc", N=65536, J=12, Q1=8, Q2=1, T=None),
    dict(kind="impulse", N=131072, J=13, Q1=8, Q2=2, T="global"),
    dict(kind="square", N=50000, J=9, Q1=24, Q2=4, T=None),
]


def name(c):
    return f"{c['kind']}{c['N']}_J{c['J']}_Q{c['Q1']}_{c['Q2']}_T{c['T'] if c['T'] is not None else 'def'}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", default=None)
    ap.add_argument("--launcher", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scatter4j"))
    a = ap.parse_args()
    configs = [c for c in CONFIGS if a.only is None or name(c) in a.only.split(",")]
    rng = np.random.default_rng(5)
    work = os.environ.get("TMPDIR", "/tmp")
    bad = []
    for c in configs:
        x = sweep.signal(c["kind"], c["N"], 2, rng)
        t0 = time.time()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ref = Scattering1D(J=c["J"], shape=c["N"], Q=(c["Q1"], c["Q2"]), T=c["T"])(x)
            kymatio = None
        except Exception as e:
            ref, kymatio = None, f"{type(e).__name__}: {e}"
        seconds = time.time() - t0
        inp = os.path.join(work, f"stress1d_{os.getpid()}_in.npy")
        np.save(inp, x)
        parts = []
        for prec in ["float64", "float32"]:
            outp = os.path.join(work, f"stress1d_{os.getpid()}_{prec}.npy")
            cmd = [a.launcher, "scatter1d", f"--J={c['J']}", f"--Q={c['Q1']},{c['Q2']}", f"--precision={prec}",
                   "--overwrite", inp, outp]
            if c["T"] is not None:
                cmd.insert(3, f"--T={c['T']}")
            p = subprocess.run(cmd, capture_output=True, text=True)
            if p.returncode != 0:
                parts.append(f"{prec} refused: {p.stderr.strip()}")
                if ref is not None:
                    bad.append(f"{name(c)} {prec}: Kymatio runs it, scatter4j refuses")
                continue
            y = np.load(outp).astype(np.float64)
            os.remove(outp)
            os.remove(outp[:-4] + ".paths.json")
            if ref is None:
                parts.append(f"{prec} ran")
                bad.append(f"{name(c)} {prec}: Kymatio refuses ({kymatio}), scatter4j runs it")
                continue
            if y.shape != ref.shape:
                bad.append(f"{name(c)} {prec}: shape {y.shape} against {ref.shape}")
                continue
            err, ratio = sweep.rel_errors(y, ref)
            e = float(err[ratio > 1e-12].max())
            parts.append(f"{prec} {e:.2e}")
            if e > (1e-5 if prec == "float64" else 1e-4):
                bad.append(f"{name(c)} {prec}: {e:.2e}")
        os.remove(inp)
        print(f"{name(c)} (Kymatio {seconds:.1f} s): " + "; ".join(parts), flush=True)
    for b in bad:
        print("FAIL", b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
