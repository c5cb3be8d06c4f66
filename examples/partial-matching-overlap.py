"""Data for examples/partial-matching-overlap.md: two representations that share units exactly.

X: 300 stimuli x 50 units, standard normal. Y: 50 units, of which 30 are exact copies of X's
units 0..29 and 20 are unrelated (independent standard normal), columns shuffled. So 60 % of
the units of each side have a partner on the other side and 40 % have none.

    /usr/bin/python3 examples/partial-matching-overlap.py    # writes examples/data/partial-matching-overlap/

Needs numpy. The files are committed; running the script again reproduces them bit for bit.
"""
import os

import numpy as np

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "partial-matching-overlap")
os.makedirs(here, exist_ok=True)
rng = np.random.default_rng(2026)
X = rng.standard_normal((300, 50))
Y = np.hstack([X[:, :30], rng.standard_normal((300, 20))])
order = rng.permutation(50)
Y = Y[:, order]
np.save(os.path.join(here, "X.npy"), X)
np.save(os.path.join(here, "Y.npy"), Y)
# where each copy of X's unit i sits in Y (the answer partial matching should find)
copy_of = {int(order[k]): k for k in range(50) if order[k] < 30}
with open(os.path.join(here, "shared_units.csv"), "w") as f:
    f.write("x_unit,y_unit\n")
    for i in range(30):
        f.write(f"{i},{copy_of[i]}\n")
