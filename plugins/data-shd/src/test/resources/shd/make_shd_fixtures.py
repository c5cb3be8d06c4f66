#!/usr/bin/python3
"""Writes the small synthetic SHD files the data-shd tests read.

Layout as the Spiking Heidelberg Digits release (science/snn.md section 7.1; Cramer et al.
2020): group `spikes` with variable-length datasets `times` (seconds, float16) and `units`
(uint16 channel index 0..699), dataset `labels` (uint16), group `extra` with `keys` (class
names) and `speaker` (uint16). Run with Debian's python3-h5py (h5py 3.7.0, numpy 1.24.2):

    /usr/bin/python3 make_shd_fixtures.py

The spike times below are exact in float16 (multiples of 2^-11 s ~ 0.49 ms at most), so the
expected bins in the Java tests can be derived by hand.
"""
import h5py
import numpy as np

KEYS = [f"english-{d}" for d in ("zero one two three four five six seven eight nine".split())] + \
       [f"german-{d}" for d in ("null eins zwei drei vier fuenf sechs sieben acht neun".split())]


def write(path, samples, times_dtype=np.float16, with_units=True, with_extra=True):
    """samples: list of (label, speaker, [(time_s, unit), ...])."""
    with h5py.File(path, "w") as f:
        vt = h5py.vlen_dtype(np.dtype(times_dtype))
        vu = h5py.vlen_dtype(np.dtype(np.uint16))
        times = f.create_dataset("spikes/times", (len(samples),), dtype=vt)
        if with_units:
            units = f.create_dataset("spikes/units", (len(samples),), dtype=vu)
        for i, (_, _, ev) in enumerate(samples):
            times[i] = np.array([t for t, _ in ev], dtype=times_dtype)
            if with_units:
                units[i] = np.array([u for _, u in ev], dtype=np.uint16)
        f.create_dataset("labels", data=np.array([s[0] for s in samples], dtype=np.uint16))
        if with_extra:
            f.create_dataset("extra/keys", data=np.array([k.encode() for k in KEYS]))
            f.create_dataset("extra/speaker", data=np.array([s[1] for s in samples], dtype=np.uint16))


# times in seconds: 0.0009765625 = 2^-10, 0.01171875 = 12/1024, 0.5 and 0.75 exact
TRAIN = [
    (3, 1, [(0.0, 0), (0.0009765625, 1), (0.01171875, 699), (0.01171875, 5), (0.5, 3)]),
    (13, 2, [(0.001953125, 10), (0.001953125, 11), (0.0029296875, 12), (0.75, 699)]),
    (0, 1, [(0.25, 100)]),
    (19, 3, []),
    (7, 2, [(0.0400390625, 350), (0.0400390625, 350), (1.25, 42)]),
    (3, 4, [(0.099609375, 0), (0.1, 699)]),
]
TEST = [
    (13, 5, [(0.0048828125, 7), (0.0048828125, 8), (0.015625, 9)]),
    (3, 6, [(0.5, 600), (0.5, 601), (0.5, 602), (0.5, 603), (0.5, 604)]),
    (19, 5, [(0.0, 699)]),
]

write("shd_train.h5", TRAIN)
write("shd_test.h5", TEST, times_dtype=np.float32)
# broken variants
write("no_units.h5", TEST, with_units=False)
write("unit_out_of_range.h5", [(1, 1, [(0.001, 3), (0.002, 700)])])
write("no_extra.h5", [(1, 1, [(0.001, 3)]), (4, 1, [(0.002, 2)])], with_extra=False)
with h5py.File("unsorted.h5", "w") as f:
    vt = h5py.vlen_dtype(np.dtype(np.float32))
    vu = h5py.vlen_dtype(np.dtype(np.uint16))
    f.create_dataset("spikes/times", (1,), dtype=vt)[0] = np.array([0.03, 0.01, 0.02], dtype=np.float32)
    f.create_dataset("spikes/units", (1,), dtype=vu)[0] = np.array([1, 2, 3], dtype=np.uint16)
    f.create_dataset("labels", data=np.array([2], dtype=np.uint16))
with h5py.File("negative_time.h5", "w") as f:
    vt = h5py.vlen_dtype(np.dtype(np.float32))
    vu = h5py.vlen_dtype(np.dtype(np.uint16))
    f.create_dataset("spikes/times", (2,), dtype=vt)
    f["spikes/times"][0] = np.array([0.01], dtype=np.float32)
    f["spikes/times"][1] = np.array([0.01, -0.5], dtype=np.float32)
    f.create_dataset("spikes/units", (2,), dtype=vu)
    f["spikes/units"][0] = np.array([1], dtype=np.uint16)
    f["spikes/units"][1] = np.array([1, 2], dtype=np.uint16)
    f.create_dataset("labels", data=np.array([2, 3], dtype=np.uint16))
