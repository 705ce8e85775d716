"""Kymatio Scattering1D reference outputs: for each case an input (B, N) float64 signal set and
Kymatio's output (B, C, N') in float64, plus the channel metadata (order, n, j, xi, sigma).
Usage: KYMATIO_SRC=../shared/peers/kymatio-src python3 tools/kymatio_reference_1d_extra.py scattering/src/test/resources/kymatio1d-extra extra
(a copy of ../shared/peers/kymatio_reference_1d.py with the case set "extra" added and a shim for scipy >= 1.15)
CASESET: public"""
import json, os, sys
import numpy as np
import scipy.special
if not hasattr(scipy.special, "sph_harm"):
    scipy.special.sph_harm = None  # scipy >= 1.15 dropped it; only Kymatio 3D uses it
sys.path.insert(0, os.environ.get("KYMATIO_SRC", "peers/kymatio-src"))
from kymatio.numpy import Scattering1D

out, which = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
CASES = {
    "public": [
        dict(case="chirp1024_J6_Q8", N=1024, J=6, Q=8, T=None, max_order=2, B=2),
        dict(case="noise4096_J8_Q12_1", N=4096, J=8, Q=[12, 1], T=None, max_order=2, B=2),
        dict(case="clicks2048_J7_Q1_order1", N=2048, J=7, Q=1, T=None, max_order=1, B=3),
        dict(case="sine8192_J10_Q16_2_T2048", N=8192, J=10, Q=[16, 2], T=2048, max_order=2, B=1),
        dict(case="global1000_J5_Q4", N=1000, J=5, Q=4, T="global", max_order=2, B=2),
    ],
    "extra": [
        dict(case="noise777_J4_Q2", N=777, J=4, Q=2, T=None, max_order=2, B=2),
        dict(case="chirp3000_J6_Q6_2_T100", N=3000, J=6, Q=[6, 2], T=100, max_order=2, B=2),
        dict(case="clicks64_J1_Q1", N=64, J=1, Q=1, T=None, max_order=2, B=2),
        dict(case="sine2048_J9_Q4_global_order1", N=2048, J=9, Q=4, T="global", max_order=1, B=2),
        dict(case="noise512_J5_Q3_4_T512", N=512, J=5, Q=[3, 4], T=512, max_order=2, B=3),
        dict(case="chirp1031_J3_Q12_T3", N=1031, J=3, Q=12, T=3, max_order=2, B=1),
        # a loud tone over noise 500 times weaker: bands (and second-order paths) 1e-5..1e-7 of the
        # strongest in energy, where a float32 FFT's error (1e-7 of the whole norm) would dominate
        dict(case="range4096_J8_Q8_2", N=4096, J=8, Q=[8, 2], T=None, max_order=2, B=2),
        # appended after the first seven so that their random draws (one generator, in case order)
        # and hence their files do not change
        dict(case="noise16384_J13_Q8", N=16384, J=13, Q=8, T=None, max_order=2, B=1),
        dict(case="clicks128_J4_Q2_2_T1", N=128, J=4, Q=[2, 2], T=1, max_order=2, B=2),
        dict(case="noise257_J8_Q4_1_T200", N=257, J=8, Q=[4, 1], T=200, max_order=2, B=2),
        dict(case="noise2048_J6_Q32_4_T512", N=2048, J=6, Q=[32, 4], T=512, max_order=2, B=2),
    ],
}[which]

rng = np.random.default_rng(1)
def signal(kind, N, B):
    t = np.arange(N) / N
    xs = []
    for b in range(B):
        if kind.startswith("chirp"):
            x = np.cos(2 * np.pi * (20 + 300 * t * (b + 1)) * t * N / 8)
        elif kind.startswith("clicks"):
            x = np.zeros(N); x[rng.integers(0, N, 12)] = rng.normal(size=12)
        elif kind.startswith("range"):
            x = np.sin(2 * np.pi * (0.21 + 0.05 * b) * np.arange(N)) + 2e-3 * rng.normal(size=N)
        elif kind.startswith("sine"):
            x = np.sin(2 * np.pi * 440 * np.arange(N) / 8000) * np.exp(-3 * t) + 0.1 * rng.normal(size=N)
        else:
            x = rng.normal(size=N) * (1 + np.sin(2 * np.pi * 3 * t))
        xs.append(x)
    return np.array(xs, dtype=np.float64)

import kymatio.scattering1d.frontend.base_frontend as base_frontend
def meta_of(S):
    """S.meta(), or where it raises IndexError the same metadata with the paths enumerated as the
    transform runs them. Kymatio's meta() walks the paths with average_local=False, so k1 = j1, and
    reads psi2 levels[j1], which the filter bank builds only up to log2(T): for T < 2^j1 (T = 1
    here) meta() fails although the transform itself works (it uses k1 = min(j1, log2 T)). The path
    set (j2 > j1) and the metadata do not depend on k1."""
    try:
        return S.meta()
    except IndexError:
        orig = base_frontend.scattering1d
        base_frontend.scattering1d = lambda U, backend, filters, stride, average_local: orig(U, backend, filters, stride, True)
        try:
            return S.meta()
        finally:
            base_frontend.scattering1d = orig

manifest = []
for c in CASES:
    Q = tuple(c["Q"]) if isinstance(c["Q"], list) else c["Q"]
    S = Scattering1D(J=c["J"], shape=c["N"], Q=Q, T=c["T"], max_order=c["max_order"])
    x = signal(c["case"], c["N"], c["B"])
    y = S(x)
    meta = meta_of(S)
    np.save(f"{out}/{c['case']}_input.npy", x)
    np.save(f"{out}/{c['case']}_output.npy", y)
    m = {k: (np.asarray(meta[k]).tolist() if k != "key" else [list(map(int, kk)) for kk in meta[k]]) for k in ["order", "n", "j", "xi", "sigma", "key"]}
    json.dump(m, open(f"{out}/{c['case']}_meta.json", "w"), allow_nan=True)
    manifest.append(dict(c, input=f"{c['case']}_input.npy", output=f"{c['case']}_output.npy", meta=f"{c['case']}_meta.json",
                         output_shape=list(y.shape)))
    print(c["case"], x.shape, "->", y.shape)
json.dump({"kymatio_commit": "11552ed5", "dtype": "float64", "cases": manifest}, open(f"{out}/manifest.json", "w"), indent=1)
