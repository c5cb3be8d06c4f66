"""Writes the NPY fixtures NpyTest reads, with numpy's own writer (numpy.save / format.write_array).

Run: python3 make_npy.py   (numpy 2.x; files are written next to this script)
"""
import os
import numpy as np
from numpy.lib import format as npf

here = os.path.dirname(os.path.abspath(__file__))


def p(name):
    return os.path.join(here, name)


np.save(p("f8_2x3.npy"), np.array([[1.0, 2.0, 3.0], [4.5, -5.0, np.pi]], dtype="<f8"))
np.save(p("f4_3x2.npy"), np.array([[0.5, -1.25], [3.0, 1e-3], [7.0, 8.0]], dtype="<f4"))
np.save(p("i4_4.npy"), np.array([1, -2, 3, 2147483647], dtype="<i4"))
np.save(p("i8_2x2.npy"), np.array([[1, -2], [9007199254740993, 4]], dtype="<i8"))
np.save(p("u1_2x2x2.npy"), np.arange(250, 258, dtype=np.int64).astype("|u1").reshape(2, 2, 2))
np.save(p("b1_2x3.npy"), np.array([[True, False, True], [False, False, True]]))
np.save(p("f8_fortran_2x3.npy"), np.asfortranarray(np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])))
np.save(p("f8_big_endian_2x2.npy"), np.array([[1.0, 2.0], [3.0, 4.0]], dtype=">f8"))
with open(p("f8_v2_2x2.npy"), "wb") as f:
    npf.write_array(f, np.array([[1.0, 2.0], [3.0, 4.0]]), version=(2, 0))
