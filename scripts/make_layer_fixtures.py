#!/usr/bin/env python3
"""Golden fixtures for ConvScopeCore's layers, computed independently of the Swift code.

Every expected value is computed with plain loops written straight from the definitions
in the layer spec (layers.md): a convolution output is its sum over channels and taps,
dL/dA is the adjoint (each output scatters dL/dZ·W back through its taps), and so on.
No vectorised tricks (tensordot, kernel flips, im2col) are used, so the fixtures check the
library's fast paths against the definitions rather than against a copy of themselves.

Regenerate (from the package root; needs only NumPy, output is deterministic):

    python3 scripts/make_layer_fixtures.py

It rewrites Tests/ConvScopeCoreTests/Fixtures/<layer>_<case>.npz. The layer name is
everything before the last underscore; case names use hyphens. Keys, all float64 except
the options:
    A, dLdZ            inputs (losses: A and the targets Y instead of dLdZ)
    W, b               parameters, for layers that have them (Linear's b is (out, 1))
    Z, dLdA            expected forward output and input gradient
    dLdW, dLdb         expected parameter gradients
    loss               expected loss, 0-d (losses only)
    stride, padding, dilation, factor, kernel
                       layer options as int64 arrays: shape (1,) for 1-d layers and
                       factors, (2,) = (h, w) for 2-d convolutions
"""

import itertools
import math
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "ConvScopeCoreTests" / "Fixtures"
rng = np.random.default_rng(11785)


# ---------------------------------------------------------------- random inputs

def normal(*shape):
    return rng.standard_normal(shape)


def coarse(*shape):
    """Normal samples rounded to sixteenths: exact, and they compress well (big fixtures)."""
    return np.round(rng.standard_normal(shape) * 16) / 16


def integers(*shape, low=-3, high=4):
    """Small whole numbers, so that max-pool windows hold ties."""
    return rng.integers(low, high, shape).astype(np.float64)


def options(*values):
    return np.array(values, dtype=np.int64)


def grid(*extents):
    return itertools.product(*(range(e) for e in extents))


# ---------------------------------------------------------------- resampling

def upsample(A, k, axes):
    """Z[..., k·i] = A[..., i] on the last `axes` axes, zeros between."""
    lead = A.shape[:-axes]
    Z = np.zeros(lead + tuple(k * (e - 1) + 1 for e in A.shape[-axes:]))
    for index in grid(*A.shape):
        Z[index[:-axes] + tuple(k * i for i in index[-axes:])] = A[index]
    return Z


def downsample(A, k, axes):
    """Z[..., i] = A[..., k·i]: ceil(W/k) samples on each of the last `axes` axes."""
    lead = A.shape[:-axes]
    Z = np.zeros(lead + tuple(-(-e // k) for e in A.shape[-axes:]))
    for index in grid(*Z.shape):
        Z[index] = A[index[:-axes] + tuple(k * i for i in index[-axes:])]
    return Z


def upsample_backward(dLdZ, k, axes):
    """dL/dA[..., i] = dL/dZ[..., k·i]: the adjoint of zero insertion."""
    lead = dLdZ.shape[:-axes]
    dLdA = np.zeros(lead + tuple((e - 1) // k + 1 for e in dLdZ.shape[-axes:]))
    for index in grid(*dLdA.shape):
        dLdA[index] = dLdZ[index[:-axes] + tuple(k * i for i in index[-axes:])]
    return dLdA


def downsample_backward(dLdZ, k, axes, input_shape):
    """Zeros of the input shape with dL/dZ[..., i] written at [..., k·i]."""
    dLdA = np.zeros(input_shape)
    for index in grid(*dLdZ.shape):
        dLdA[index[:-axes] + tuple(k * i for i in index[-axes:])] = dLdZ[index]
    return dLdA


def resampling_bundle(A, k, up):
    axes = A.ndim - 2
    Z = upsample(A, k, axes) if up else downsample(A, k, axes)
    dLdZ = coarse(*Z.shape)
    dLdA = upsample_backward(dLdZ, k, axes) if up else downsample_backward(dLdZ, k, axes, A.shape)
    return dict(A=A, dLdZ=dLdZ, Z=Z, dLdA=dLdA, factor=options(k))


# ---------------------------------------------------------------- convolution

def conv_forward(A, W, b, stride, padding, dilation):
    """Z[n,o,i,j] = Σ_c Σ_p Σ_q W[o,c,p,q]·Apad[n,c,i·s+p·d,j·s+q·d] + b[o] on (N,C,H,W)."""
    N, C, H, Wd = A.shape
    O, _, KH, KW = W.shape
    (sh, sw), (ph, pw), (dh, dw) = stride, padding, dilation
    Ho = (H + 2 * ph - dh * (KH - 1) - 1) // sh + 1
    Wo = (Wd + 2 * pw - dw * (KW - 1) - 1) // sw + 1
    Z = np.zeros((N, O, Ho, Wo))
    for n, o, i, j in grid(N, O, Ho, Wo):
        total = b[o]
        for c, p, q in grid(C, KH, KW):
            h, w = i * sh + p * dh - ph, j * sw + q * dw - pw
            if 0 <= h < H and 0 <= w < Wd:  # outside is zero padding
                total += W[o, c, p, q] * A[n, c, h, w]
        Z[n, o, i, j] = total
    return Z


def conv_backward(A, W, dLdZ, stride, padding, dilation):
    """Each output (n,o,i,j) sends dL/dZ·W[o,c,p,q] to the padded input cell its tap read,
    and dL/dZ·Apad there to dL/dW[o,c,p,q]; dL/dA is the padded result cropped."""
    N, C, H, Wd = A.shape
    O, _, KH, KW = W.shape
    (sh, sw), (ph, pw), (dh, dw) = stride, padding, dilation
    Apad = np.zeros((N, C, H + 2 * ph, Wd + 2 * pw))
    Apad[:, :, ph:ph + H, pw:pw + Wd] = A
    dApad = np.zeros(Apad.shape)
    dLdW = np.zeros(W.shape)
    dLdb = np.zeros(O)
    for n, o, i, j in grid(*dLdZ.shape):
        g = dLdZ[n, o, i, j]
        dLdb[o] += g
        for c, p, q in grid(C, KH, KW):
            h, w = i * sh + p * dh, j * sw + q * dw
            dApad[n, c, h, w] += g * W[o, c, p, q]
            dLdW[o, c, p, q] += g * Apad[n, c, h, w]
    return dApad[:, :, ph:ph + H, pw:pw + Wd], dLdW, dLdb


def conv_bundle(A, W, b, stride=(1, 1), padding=(0, 0), dilation=(1, 1), one_d=False, stride1=False):
    """A conv fixture; 1-d tensors are run as 2-d with height 1 and stored 1-d."""
    as2d = (lambda t: t[:, :, None, :]) if one_d else (lambda t: t)
    Z = conv_forward(as2d(A), as2d(W), b, stride, padding, dilation)
    dLdZ = normal(*Z.shape)
    dLdA, dLdW, dLdb = conv_backward(as2d(A), as2d(W), dLdZ, stride, padding, dilation)
    bundle = dict(A=A, W=W, b=b, dLdZ=dLdZ, Z=Z, dLdA=dLdA, dLdW=dLdW, dLdb=dLdb)
    if one_d:
        bundle.update({k: bundle[k][:, :, 0, :] for k in ("dLdZ", "Z", "dLdA", "dLdW")})
    if not stride1:
        axis = slice(1, 2) if one_d else slice(0, 2)
        bundle.update(stride=options(*stride[axis]), padding=options(*padding[axis]),
                      dilation=options(*dilation[axis]))
    return bundle


def conv1d(N, C, O, W, K, s=1, p=0, d=1):
    return conv_bundle(normal(N, C, W), normal(O, C, K), normal(O),
                       stride=(1, s), padding=(0, p), dilation=(1, d), one_d=True)


def conv1d_stride1(N, C, O, W, K):
    return conv_bundle(normal(N, C, W), normal(O, C, K), normal(O), one_d=True, stride1=True)


def conv2d(N, C, O, H, W, K, s=(1, 1), p=(0, 0), d=(1, 1)):
    return conv_bundle(normal(N, C, H, W), normal(O, C, *K), normal(O), stride=s, padding=p, dilation=d)


def conv2d_stride1(N, C, O, H, W, K):
    return conv_bundle(normal(N, C, H, W), normal(O, C, K, K), normal(O), stride1=True)


def conv_transpose(A, W, b, k):
    """Upsample by k, then a stride-1 convolution; backward runs the two in reverse."""
    axes = A.ndim - 2
    as2d = (lambda t: t[:, :, None, :]) if axes == 1 else (lambda t: t)
    as_stored = (lambda t: t[:, :, 0, :]) if axes == 1 else (lambda t: t)
    up = upsample(A, k, axes)
    unit = ((1, 1), (0, 0), (1, 1))
    Z = as_stored(conv_forward(as2d(up), as2d(W), b, *unit))
    dLdZ = normal(*Z.shape)
    dLdUp, dLdW, dLdb = conv_backward(as2d(up), as2d(W), as2d(dLdZ), *unit)
    dLdA = upsample_backward(as_stored(dLdUp), k, axes)
    return dict(A=A, W=W, b=b, dLdZ=dLdZ, Z=Z, dLdA=dLdA, dLdW=as_stored(dLdW), dLdb=dLdb,
                factor=options(k))


# ---------------------------------------------------------------- pooling

def pool_bundle(A, K, s, kind, stride1=False):
    """Max: first maximum in row-major window order wins, backward adds dL/dZ there.
    Mean: window sum / K², backward adds dL/dZ / K² to every cell of the window."""
    N, C, H, W = A.shape
    Ho, Wo = (H - K) // s + 1, (W - K) // s + 1
    Z = np.zeros((N, C, Ho, Wo))
    dLdZ = coarse(*Z.shape)
    dLdA = np.zeros(A.shape)
    for n, c, i, j in grid(N, C, Ho, Wo):
        window = [(i * s + p, j * s + q) for p, q in grid(K, K)]
        if kind == "max":
            best = window[0]
            for h, w in window:
                if A[n, c, h, w] > A[n, c, best[0], best[1]]:
                    best = (h, w)
            Z[n, c, i, j] = A[n, c, best[0], best[1]]
            dLdA[n, c, best[0], best[1]] += dLdZ[n, c, i, j]
        else:
            Z[n, c, i, j] = sum(A[n, c, h, w] for h, w in window) / (K * K)
            for h, w in window:
                dLdA[n, c, h, w] += dLdZ[n, c, i, j] / (K * K)
    bundle = dict(A=A, dLdZ=dLdZ, Z=Z, dLdA=dLdA, kernel=options(K))
    if not stride1:
        bundle["stride"] = options(s)
    return bundle


# ---------------------------------------------------------------- flatten, linear, activations

def flatten(A):
    """Z[n, r] = A[n, ...] with r the row-major offset of the trailing index."""
    N = A.shape[0]
    rest = A.shape[1:]
    Z = np.zeros((N, math.prod(rest)))
    dLdZ = normal(*Z.shape)
    dLdA = np.zeros(A.shape)
    for n in range(N):
        for r, index in enumerate(grid(*rest)):
            Z[n, r] = A[(n,) + index]
            dLdA[(n,) + index] = dLdZ[n, r]
    return dict(A=A, dLdZ=dLdZ, Z=Z, dLdA=dLdA)


def linear(N, In, Out):
    """Z[n,o] = Σ_i A[n,i]·W[o,i] + b[o]; b is the assignment's (out, 1) column."""
    A, W, b = normal(N, In), normal(Out, In), normal(Out, 1)
    Z = np.zeros((N, Out))
    for n, o in grid(N, Out):
        Z[n, o] = b[o, 0] + sum(A[n, i] * W[o, i] for i in range(In))
    dLdZ = normal(N, Out)
    dLdA = np.zeros(A.shape)
    dLdW = np.zeros(W.shape)
    dLdb = np.zeros(b.shape)
    for n, o in grid(N, Out):
        dLdb[o, 0] += dLdZ[n, o]
        for i in range(In):
            dLdA[n, i] += dLdZ[n, o] * W[o, i]
            dLdW[o, i] += dLdZ[n, o] * A[n, i]
    return dict(A=A, W=W, b=b, dLdZ=dLdZ, Z=Z, dLdA=dLdA, dLdW=dLdW, dLdb=dLdb)


def sigmoid(x):
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


ACTIVATIONS = {
    # name: (f, f′ as a function of the input)
    "identity": (lambda x: x, lambda x: 1.0),
    "relu": (lambda x: max(x, 0.0), lambda x: 1.0 if x > 0 else 0.0),
    "sigmoid": (sigmoid, lambda x: sigmoid(x) * sigmoid(-x)),
    "tanh": (math.tanh, lambda x: 1 - math.tanh(x) ** 2),
}


def activation(name, A):
    f, df = ACTIVATIONS[name]
    dLdZ = normal(*A.shape)
    Z = np.zeros(A.shape)
    dLdA = np.zeros(A.shape)
    for index in grid(*A.shape):
        Z[index] = f(A[index])
        dLdA[index] = dLdZ[index] * df(A[index])
    return dict(A=A, dLdZ=dLdZ, Z=Z, dLdA=dLdA)


def with_extremes(*shape):
    """Normal samples with ±1750 (the graded CNN's largest conv outputs) and ±40 planted."""
    A = normal(*shape) * 3
    A.flat[:4] = [1750.0, -1750.0, 40.0, -40.0]
    return A


# ---------------------------------------------------------------- losses

def one_hot(N, C):
    Y = np.zeros((N, C))
    for n in range(N):
        Y[n, rng.integers(C)] = 1.0
    return Y


def mse(N, C):
    """loss = Σ(A − Y)² / (N·C); dL/dA = 2(A − Y) / (N·C)."""
    A, Y = normal(N, C), normal(N, C)
    loss = sum((A[index] - Y[index]) ** 2 for index in grid(N, C)) / (N * C)
    return dict(A=A, Y=Y, loss=np.array(loss), dLdA=2 * (A - Y) / (N * C))


def cross_entropy(A):
    """loss = −Σ Y·log softmax(A) / N; dL/dA = (softmax(A) − Y) / N, row maxima subtracted."""
    N, C = A.shape
    Y = one_hot(N, C)
    loss = 0.0
    dLdA = np.zeros(A.shape)
    for n in range(N):
        top = max(A[n])
        exps = [math.exp(A[n, c] - top) for c in range(C)]
        total = sum(exps)
        for c in range(C):
            loss -= Y[n, c] * (A[n, c] - top - math.log(total))
            dLdA[n, c] = (exps[c] / total - Y[n, c]) / N
    return dict(A=A, Y=Y, loss=np.array(loss / N), dLdA=dLdA)


# ---------------------------------------------------------------- the cases

def cases():
    """(file stem, thunk) for every fixture; graded shapes from spec §10 keep their spatial
    sizes but use fewer channels so that the loops stay quick and the files small."""
    return [
        ("upsample1d_basic", lambda: resampling_bundle(normal(2, 3, 7), 3, up=True)),
        ("upsample1d_factor-1", lambda: resampling_bundle(normal(1, 2, 5), 1, up=True)),
        ("upsample1d_width-1", lambda: resampling_bundle(normal(1, 1, 1), 4, up=True)),
        ("downsample1d_basic", lambda: resampling_bundle(normal(2, 3, 10), 3, up=False)),
        ("downsample1d_factor-divides-width", lambda: resampling_bundle(normal(2, 2, 12), 4, up=False)),
        ("downsample1d_factor-1", lambda: resampling_bundle(normal(1, 2, 5), 1, up=False)),
        ("downsample1d_factor-exceeds-width", lambda: resampling_bundle(normal(1, 1, 3), 5, up=False)),
        ("upsample2d_rectangular", lambda: resampling_bundle(normal(2, 2, 4, 5), 2, up=True)),
        ("upsample2d_factor-1", lambda: resampling_bundle(normal(1, 3, 3, 2), 1, up=True)),
        ("upsample2d_graded-69-k8", lambda: resampling_bundle(coarse(1, 1, 69, 69), 8, up=True)),
        ("downsample2d_rectangular", lambda: resampling_bundle(normal(2, 3, 7, 9), 3, up=False)),
        ("downsample2d_factor-divides-size", lambda: resampling_bundle(normal(1, 2, 8, 12), 4, up=False)),
        ("downsample2d_factor-1", lambda: resampling_bundle(normal(1, 1, 3, 4), 1, up=False)),
        ("downsample2d_graded-65-k7", lambda: resampling_bundle(coarse(2, 2, 65, 65), 7, up=False)),

        ("conv1d_stride1_basic", lambda: conv1d_stride1(2, 3, 4, 11, 3)),
        ("conv1d_stride1_kernel-equals-input", lambda: conv1d_stride1(1, 2, 3, 5, 5)),
        ("conv1d_stride1_batch-1-one-channel", lambda: conv1d_stride1(1, 1, 1, 9, 4)),
        ("conv1d_stride1_kernel-1", lambda: conv1d_stride1(3, 4, 2, 6, 1)),
        ("conv1d_stride-padding", lambda: conv1d(2, 3, 5, 17, 4, s=3, p=2)),
        ("conv1d_dilation", lambda: conv1d(2, 2, 3, 20, 3, s=2, p=1, d=3)),
        ("conv1d_stride-exceeds-kernel", lambda: conv1d(1, 3, 2, 23, 2, s=5)),
        ("conv1d_padding-exceeds-kernel", lambda: conv1d(3, 5, 4, 13, 3, s=1, p=4)),
        ("conv1d_kernel-equals-padded-input", lambda: conv1d(1, 2, 2, 5, 9, s=2, p=2)),
        ("conv1d_graded-range", lambda: conv1d(2, 7, 9, 57, 6, s=4, p=3)),
        ("conv2d_stride1_basic", lambda: conv2d_stride1(2, 3, 2, 6, 7, 3)),
        ("conv2d_stride1_kernel-equals-input", lambda: conv2d_stride1(1, 2, 2, 5, 5, 5)),
        ("conv2d_stride1_batch-1-one-channel", lambda: conv2d_stride1(1, 1, 1, 6, 6, 2)),
        ("conv2d_pairs", lambda: conv2d(2, 2, 3, 9, 11, (3, 2), s=(2, 3), p=(1, 2), d=(1, 2))),
        ("conv2d_stride-exceeds-kernel", lambda: conv2d(1, 3, 2, 13, 10, (2, 2), s=(4, 3))),
        ("conv2d_rectangular-dilated", lambda: conv2d(1, 2, 2, 10, 12, (2, 4), p=(2, 0), d=(3, 1))),
        ("conv2d_square-stride-padding", lambda: conv2d(2, 3, 4, 15, 15, (4, 4), s=(3, 3), p=(3, 3))),
        ("convtranspose1d_basic", lambda: conv_transpose(normal(2, 3, 7), normal(2, 3, 3), normal(2), 2)),
        ("convtranspose1d_factor-1", lambda: conv_transpose(normal(1, 2, 6), normal(3, 2, 2), normal(3), 1)),
        ("convtranspose1d_graded-249-k6",
         lambda: conv_transpose(coarse(3, 13, 249), coarse(6, 13, 2), coarse(6), 6)),
        ("convtranspose2d_basic", lambda: conv_transpose(normal(2, 2, 5, 4), normal(3, 2, 3, 3), normal(3), 2)),
        ("convtranspose2d_factor-1", lambda: conv_transpose(normal(1, 1, 4, 4), normal(2, 1, 2, 2), normal(2), 1)),
        ("convtranspose2d_rectangular-kernel",
         lambda: conv_transpose(normal(1, 2, 3, 5), normal(1, 2, 2, 3), normal(1), 3)),

        ("maxpool2d_stride1_ties", lambda: pool_bundle(integers(2, 2, 6, 7), 3, 1, "max", stride1=True)),
        ("maxpool2d_stride1_continuous", lambda: pool_bundle(normal(1, 3, 5, 6), 2, 1, "max", stride1=True)),
        ("maxpool2d_stride1_kernel-equals-input",
         lambda: pool_bundle(integers(1, 1, 4, 4), 4, 1, "max", stride1=True)),
        ("maxpool2d_stride1_graded-86-k6",
         lambda: pool_bundle(integers(1, 2, 86, 86, low=0, high=10), 6, 1, "max", stride1=True)),
        ("maxpool2d_overlapping-ties", lambda: pool_bundle(integers(2, 2, 9, 8), 3, 2, "max")),
        ("maxpool2d_stride-exceeds-kernel", lambda: pool_bundle(normal(1, 2, 11, 13), 2, 4, "max")),
        ("maxpool2d_kernel-1", lambda: pool_bundle(normal(1, 1, 5, 5), 1, 2, "max")),
        ("maxpool2d_graded-55-k5-s3",
         lambda: pool_bundle(integers(2, 3, 55, 55, low=0, high=10), 5, 3, "max")),
        ("meanpool2d_stride1_basic", lambda: pool_bundle(normal(2, 3, 6, 5), 2, 1, "mean", stride1=True)),
        ("meanpool2d_stride1_kernel-equals-input",
         lambda: pool_bundle(normal(1, 2, 3, 3), 3, 1, "mean", stride1=True)),
        ("meanpool2d_overlapping", lambda: pool_bundle(normal(2, 2, 9, 8), 3, 2, "mean")),
        ("meanpool2d_stride-exceeds-kernel", lambda: pool_bundle(normal(1, 2, 11, 13), 2, 4, "mean")),
        ("meanpool2d_stride-equals-kernel", lambda: pool_bundle(normal(1, 1, 8, 8), 4, 4, "mean")),

        ("flatten_1d", lambda: flatten(normal(2, 3, 5))),
        ("flatten_2d", lambda: flatten(normal(2, 2, 3, 4))),
        ("flatten_batch-1", lambda: flatten(normal(1, 1, 7))),
        ("linear_basic", lambda: linear(4, 6, 3)),
        ("linear_batch-1", lambda: linear(1, 5, 2)),
        ("identity_basic", lambda: activation("identity", normal(3, 4))),
        ("relu_with-zeros", lambda: activation("relu", integers(2, 3, 4))),
        ("relu_continuous", lambda: activation("relu", normal(2, 2, 5))),
        ("sigmoid_extremes", lambda: activation("sigmoid", with_extremes(3, 6))),
        ("tanh_extremes", lambda: activation("tanh", with_extremes(3, 6))),
        ("mse_basic", lambda: mse(4, 5)),
        ("mse_batch-1", lambda: mse(1, 3)),
        ("crossentropy_basic", lambda: cross_entropy(normal(4, 5))),
        ("crossentropy_large-logits", lambda: cross_entropy(normal(3, 4) * 1000)),
    ]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npz"):
        old.unlink()
    for stem, make in cases():
        np.savez_compressed(OUT / f"{stem}.npz", **make())
    total = sum(f.stat().st_size for f in OUT.glob("*.npz"))
    print(f"wrote {len(cases())} fixtures to {OUT} ({total / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
