#!/usr/bin/env python3
"""Golden values for ConvScopeCore's numerics lessons, from NumPy and Python semantics.

Regenerate (from the package root; needs only NumPy; output is deterministic):

    python3 scripts/make_numerics_fixtures.py

It writes Tests/ConvScopeCoreTests/Fixtures/numerics/ (a subfolder, so the layer
fixtures' script, which rewrites the top level, leaves it alone):

textbook-activations.npz — the textbook formulas evaluated with np.exp in float64:
    z                  inputs, from 0 to ±1750 (the graded CNN's largest conv outputs)
    tanh_textbook      (e^z − e^−z)/(e^z + e^−z)   (nan once an exponential is inf)
    tanh_overflow      1.0 where np.exp(z) or np.exp(−z) is inf
    sigmoid_textbook   1/(1 + e^−z)                 (0 once e^−z is inf)
    sigmoid_overflow   1.0 where np.exp(−z) is inf
    tanh, sigmoid      the true values: np.tanh, and the sigmoid evaluated without overflow

width-chains.npz — `w ← (w − k)//s + 1` with Python's floor division, for random stacks:
    config             (cases, 1 + 2·L): input width, then L kernels, then L strides
    widths             (cases, L + 1): the chain; an entry ≤ 0 means the stack does not fit
"""

import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "ConvScopeCoreTests" / "Fixtures" / "numerics"
rng = np.random.default_rng(1750)


def textbook_activations():
    z = np.array([0.0, 0.5, -3.0, 20.0, -40.0, 354.0, 700.0, 709.0, 709.78, 710.0, 711.0, -709.0, -710.0, -745.0,
                  -746.0, 1000.0, -1000.0, 1750.0, -1750.0])
    with np.errstate(over="ignore", invalid="ignore"):
        up, down = np.exp(z), np.exp(-z)
        tanh_textbook = (up - down) / (up + down)
        sigmoid_textbook = 1 / (1 + down)
    negative = z < 0
    sigmoid = np.where(negative, np.exp(np.where(negative, z, 0)) / (1 + np.exp(np.where(negative, z, 0))),
                       1 / (1 + np.exp(-np.where(negative, 0, z))))
    return dict(z=z, tanh_textbook=tanh_textbook, tanh_overflow=(np.isinf(up) | np.isinf(down)).astype(np.float64),
                sigmoid_textbook=sigmoid_textbook, sigmoid_overflow=np.isinf(down).astype(np.float64),
                tanh=np.tanh(z), sigmoid=sigmoid)


def width_chains(cases=200, layers=3):
    config = np.zeros((cases, 1 + 2 * layers))
    widths = np.zeros((cases, layers + 1))
    for case in range(cases):
        w = int(rng.integers(1, 140))
        kernels = [int(k) for k in rng.integers(1, 12, layers)]
        strides = [int(s) for s in rng.integers(1, 5, layers)]
        config[case] = [w] + kernels + strides
        chain = [w]
        for k, s in zip(kernels, strides):
            chain.append((chain[-1] - k) // s + 1)
        widths[case] = chain
    return dict(config=config, widths=widths)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT / "textbook-activations.npz", **textbook_activations())
    np.savez_compressed(OUT / "width-chains.npz", **width_chains())
    print(f"wrote 2 fixtures to {OUT}")


if __name__ == "__main__":
    main()
