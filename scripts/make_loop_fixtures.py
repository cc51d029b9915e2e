#!/usr/bin/env python3
"""Golden values for the loop walks (Sources/Walkthroughs/Loop), made by NumPy running the
homework's own loops: one np.tensordot per output column, per kernel tap and per input position,
argmax + np.unravel_index for max pooling. The Swift tests compare every step with these.

Regenerate (from the package root; needs only NumPy, output is deterministic):

    python3 scripts/make_loop_fixtures.py

It rewrites Tests/WalkthroughsTests/Fixtures/loops.json: {name: {"shape": [...], "data": [...]}}
(all float64; integer results are stored as floats). Per-step results are stacked on a leading
axis in the walks' step order (row-major over the loop variables).
"""

import json
import pathlib

import numpy as np

rng = np.random.default_rng(11)
out = {}


def put(name, array):
    array = np.asarray(array, dtype=np.float64)
    out[name] = {"shape": list(array.shape), "data": array.ravel().tolist()}


# Conv2d(2 → 3, K 3, stride 2, padding 1) on a (2, 2, 7, 7) input: the example sizes.
A = rng.standard_normal((2, 2, 7, 7))
W = rng.standard_normal((3, 2, 3, 3))
b = rng.standard_normal(3)
K, s, p = 3, 2, 1
Ap = np.pad(A, ((0, 0), (0, 0), (p, p), (p, p)))
Hs = Ap.shape[2] - K + 1
columns = [np.tensordot(Ap[:, :, i:i + K, j:j + K], W, axes=([1, 2, 3], [1, 2, 3])) + b
           for i in range(Hs) for j in range(Hs)]
Zs = np.stack(columns).reshape(Hs, Hs, 2, 3).transpose(2, 3, 0, 1)
dLdZ = rng.standard_normal(Zs[:, :, ::s, ::s].shape)
put("conv2d.A", A), put("conv2d.W", W), put("conv2d.b", b), put("conv2d.dLdZ", dLdZ)
put("conv2d.columns", columns)
put("conv2d.Z", Zs[:, :, ::s, ::s])
g = np.zeros(Zs.shape)
g[:, :, ::s, ::s] = dLdZ
taps = [np.tensordot(g, Ap[:, :, a:a + Hs, c:c + Hs], axes=([0, 2, 3], [0, 2, 3])) for a in range(K) for c in range(K)]
put("conv2d.taps", taps)
put("conv2d.dLdb", g.sum(axis=(0, 2, 3)))
gp = np.pad(g, ((0, 0), (0, 0), (K - 1, K - 1), (K - 1, K - 1)))
Wf = np.flip(W, axis=(2, 3))
positions = [np.tensordot(gp[:, :, y:y + K, x:x + K], Wf, axes=([1, 2, 3], [0, 2, 3]))
             for y in range(Ap.shape[2]) for x in range(Ap.shape[3])]
put("conv2d.positions", positions)
dLdAp = np.stack(positions).reshape(Ap.shape[2], Ap.shape[3], 2, 2).transpose(2, 3, 0, 1)
put("conv2d.dLdA", dLdAp[:, :, p:p + 7, p:p + 7])

# Conv1d(2 → 2, K 3, stride 1) on (1, 2, 9): one loop over W_out.
A1 = rng.standard_normal((1, 2, 9))
W1 = rng.standard_normal((2, 2, 3))
b1 = rng.standard_normal(2)
put("conv1d.A", A1), put("conv1d.W", W1), put("conv1d.b", b1)
put("conv1d.columns", [np.tensordot(A1[:, :, w:w + 3], W1, axes=([1, 2], [1, 2])) + b1 for w in range(7)])

# MaxPool2d(K 2, stride 1) on small integers (ties): flat argmax and np.unravel_index per step.
P = rng.integers(0, 4, size=(2, 2, 4, 5)).astype(np.float64)
put("maxpool.A", P)
flat, rows, cols = [], [], []
for i in range(3):
    for j in range(4):
        idx = P[:, :, i:i + 2, j:j + 2].reshape(2, 2, 4).argmax(axis=2)
        r, c = np.unravel_index(idx, (2, 2))
        flat.append(idx), rows.append(r), cols.append(c)
put("maxpool.flat", flat), put("maxpool.rows", rows), put("maxpool.cols", cols)

path = pathlib.Path(__file__).resolve().parent.parent / "Tests/WalkthroughsTests/Fixtures/loops.json"
path.write_text(json.dumps(out, separators=(",", ":")) + "\n")
print(f"wrote {path} ({len(out)} arrays)")
