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

small-cnn.npz — the assignment's CNN forward, backward and one SGD step on a small stack
    (Conv1d 3→4 K3 s1 Tanh, Conv1d 4→3 K2 s2 Sigmoid, Flatten, Linear(15, 4)); see small_cnn().
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


def small_cnn():
    """The assignment's CNN (spec §8) on a small stack, from its definition: Conv1d layers
    (no padding) each followed by its activation, Flatten, Linear, cross-entropy averaged over
    the batch; backward from the one-hot labels; one SGD step at lr.
    Keys: A (2, 3, 13), Y (2, 4), W1 (4, 3, 3), W2 (3, 4, 2), W3 (4, 15), b1, b2, b3, lr;
    logits, loss, dLdA, dLdW1, dLdb1, dLdW3, and W1_after (W1 after the step)."""
    A = rng.standard_normal((2, 3, 13))
    Y = np.eye(4)[[1, 3]]
    convs = [(rng.standard_normal((4, 3, 3)), rng.standard_normal(4), 1, "tanh"),
             (rng.standard_normal((3, 4, 2)), rng.standard_normal(3), 2, "sigmoid")]
    W3, b3, lr = rng.standard_normal((4, 15)), rng.standard_normal(4), 0.01
    f = {"tanh": np.tanh, "sigmoid": lambda x: 1 / (1 + np.exp(-x))}
    df = {"tanh": lambda y: 1 - y * y, "sigmoid": lambda y: y * (1 - y)}
    x, inputs, outputs = A, [], []
    for W, b, s, act in convs:
        width = (x.shape[2] - W.shape[2]) // s + 1
        Z = np.stack([np.einsum("nck,ock->no", x[:, :, w * s:w * s + W.shape[2]], W) for w in range(width)], axis=2)
        inputs.append(x)
        x = f[act](Z + b[None, :, None])
        outputs.append(x)
    flat = x.reshape(x.shape[0], -1)
    logits = flat @ W3.T + b3
    shifted = logits - logits.max(axis=1, keepdims=True)
    softmax = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
    loss = -(Y * np.log(softmax)).sum() / len(Y)
    grad = (softmax - Y) / len(Y)
    dLdW3, dLdb3 = grad.T @ flat, grad.sum(axis=0)
    grad = (grad @ W3).reshape(x.shape)
    gradients = []
    for (W, b, s, act), x_in, y in reversed(list(zip(convs, inputs, outputs))):
        dZ = grad * df[act](y)
        dLdW, dLdb, dA = np.zeros(W.shape), dZ.sum(axis=(0, 2)), np.zeros(x_in.shape)
        for w in range(dZ.shape[2]):
            window = slice(w * s, w * s + W.shape[2])
            dLdW += np.einsum("no,nck->ock", dZ[:, :, w], x_in[:, :, window])
            dA[:, :, window] += np.einsum("no,ock->nck", dZ[:, :, w], W)
        gradients.insert(0, (dLdW, dLdb))
        grad = dA
    (W1, b1, _, _), (W2, b2, _, _) = convs
    return dict(A=A, Y=Y, W1=W1, b1=b1, W2=W2, b2=b2, W3=W3, b3=b3, lr=np.array(lr), logits=logits,
                loss=np.array(loss), dLdA=grad, dLdW1=gradients[0][0], dLdb1=gradients[0][1], dLdW3=dLdW3,
                dLdb3=dLdb3, W1_after=W1 - lr * gradients[0][0])


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT / "textbook-activations.npz", **textbook_activations())
    np.savez_compressed(OUT / "width-chains.npz", **width_chains())
    np.savez_compressed(OUT / "small-cnn.npz", **small_cnn())
    print(f"wrote 3 fixtures to {OUT}")


if __name__ == "__main__":
    main()
