#!/usr/bin/env python3
"""Computes extra Kymatio reference outputs for scatter4j's agreement tests.

Runs Kymatio (numpy backend) from ../shared/peers/kymatio-src on deterministic inputs whose sizes
and parameters are NOT in ../shared/reference (non-square, J up to 4, L = 4, 6, 8, 12), and writes
<case>_input.npy, <case>_output.npy and manifest.json in the layout of the shared reference.

    KYMATIO_SRC=../shared/peers/kymatio-src python3 tools/kymatio_reference.py OUTDIR
"""
import json, os, sys
import numpy as np
sys.path.insert(0, os.environ.get("KYMATIO_SRC", "../shared/peers/kymatio-src"))
try:
    from kymatio.numpy import Scattering2D
except ImportError:  # kymatio.numpy also imports the 3D frontend, which needs scipy.special.sph_harm
    from kymatio.scattering2d.frontend.numpy_frontend import ScatteringNumPy2D as Scattering2D

CASES = [  # name, B, M, N, J, L, max_order
    ("rand30x44_J3_L6_order2", 2, 30, 44, 3, 6, 2),
    ("rand40x40_J4_L4_order2", 1, 40, 40, 4, 4, 2),
    ("rand36x33_J2_L12_order2", 1, 36, 33, 2, 12, 2),
    ("rand64x48_J4_L8_order2", 1, 64, 48, 4, 8, 2),
    ("rand17x23_J1_L8_order1", 2, 17, 23, 1, 8, 1),
]

def main(out):
    os.makedirs(out, exist_ok=True)
    manifest = {"kymatio_backend": "numpy", "generator": "tools/kymatio_reference.py", "cases": []}
    for name, B, M, N, J, L, order in CASES:
        rng = np.random.default_rng(sum(map(ord, name)))
        x = rng.random((B, M, N))
        # a smooth component so that low-pass channels are not pure noise
        r, c = np.mgrid[0:M, 0:N]
        x += np.sin(0.21 * r)[None] * np.cos(0.13 * c)[None]
        S = Scattering2D(J=J, shape=(M, N), L=L, max_order=order)
        y = S.scattering(x)
        np.save(os.path.join(out, name + "_input.npy"), x)
        np.save(os.path.join(out, name + "_output.npy"), y)
        manifest["cases"].append({"case": name, "input": name + "_input.npy", "output": name + "_output.npy",
                                  "J": J, "L": L, "max_order": order, "input_shape": [B, M, N],
                                  "padded_shape": [S._M_padded, S._N_padded], "output_shape": list(y.shape)})
        print(name, x.shape, "->", y.shape)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)

if __name__ == "__main__":
    main(sys.argv[1])
