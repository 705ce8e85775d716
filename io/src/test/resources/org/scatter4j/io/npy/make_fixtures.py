"""Writes the NPY test fixtures with numpy (run once; the outputs are committed).

Run from this folder: python3 make_fixtures.py   (made with numpy 2.4.6)
"""
import numpy as np
from numpy.lib import format as fmt

base = np.arange(24, dtype=np.float64).reshape(2, 3, 4) * 0.5 + 0.25

# Byte-exact references for the writer: numpy's own output for the same data.
np.save("numpy_f8_2x3x4.npy", base)
np.save("numpy_f4_5.npy", np.array([1.5, -2.0, 0.0, 3.25, 1e-3], dtype=np.float32))
np.save("numpy_f8_scalar.npy", np.array(3.5))
np.save("numpy_f8_0x3.npy", np.zeros((0, 3)))

# Reader cases
np.save("f8_be.npy", base.astype(">f8"))
np.save("f4_fortran.npy", np.asfortranarray(base.astype("<f4")))
np.save("f8_fortran_be.npy", np.asfortranarray(base.astype(">f8")))
with open("f8_v2.npy", "wb") as f:
    fmt.write_array(f, base, version=(2, 0))
with open("f8_v3.npy", "wb") as f:
    fmt.write_array(f, base, version=(3, 0))

ints = {
    "u1": [0, 1, 2, 3, 254, 255],
    "i1": [-128, -1, 0, 1, 2, 127],
    "i2": [-32768, -1, 0, 1, 2, 32767],
    "u2": [0, 1, 2, 3, 65534, 65535],
    "i4": [-2147483648, -1, 0, 1, 2, 2147483647],
    "u4": [0, 1, 2, 3, 4294967294, 4294967295],
    "i8": [-(2**53), -1, 0, 1, 2, 2**53],
}
for code, values in ints.items():
    for order in ("<", ">"):
        if code in ("u1", "i1") and order == ">":
            continue
        name = code if code in ("u1", "i1") else ("le_" if order == "<" else "be_") + code
        np.save(name + ".npy", np.array(values, dtype=order + code).reshape(2, 3))
np.save("bool.npy", np.array([True, False, True]))

# Unsupported dtypes
np.save("complex.npy", np.array([1 + 2j, 3 - 4j]))
np.save("object.npy", np.array([1, "a", None], dtype=object), allow_pickle=True)
np.save("structured.npy", np.zeros(3, dtype=[("a", "<i4"), ("b", "<f8")]))
np.save("float16.npy", np.array([1.0, 2.0], dtype=np.float16))
