#!/usr/bin/env python3
"""Cross-check `convscope compute` against PyTorch (float64, autograd) on random cases.

Every case is drawn fresh from a seed, so the cases are not the ones in the repo.
Needs PyTorch (`pip install torch`); the test suite never does.

    python3 scripts/check_against_torch.py [--binary .build/debug/convscope] [--cases 20] [--seed 1]

Prints the worst absolute error per layer and exits 1 if any exceeds 1e-10.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
TOLERANCE = 1e-10


def zero_stuff(x, k, dims):
    """The assignment's upsampling: k-1 zeros between neighbours on the last `dims` axes."""
    shape = list(x.shape)
    for d in range(1, dims + 1):
        shape[-d] = k * (shape[-d] - 1) + 1
    out = x.new_zeros(shape)
    index = (Ellipsis,) + (slice(None, None, k),) * dims
    out[index] = x
    return out


def mlp_kernel(w, k):
    out_features = w.shape[1]
    return w.T.reshape(out_features, k, -1).permute(0, 2, 1)


def case(rng, layer):
    """A random bundle (numpy arrays), the command-line options, and a torch function
    from (A, params...) tensors to Z."""
    n = int(rng.integers(1, 4))
    opts = []
    if layer in ("upsample1d", "downsample1d", "upsample2d", "downsample2d"):
        k = int(rng.integers(1, 6))
        dims = 2 if layer.endswith("2d") else 1
        size = [int(rng.integers(1, 20)) for _ in range(dims)]
        A = rng.standard_normal([n, int(rng.integers(1, 4))] + size)
        fn = (lambda a: zero_stuff(a, k, dims)) if layer.startswith("up") else \
             (lambda a: a[(Ellipsis,) + (slice(None, None, k),) * dims])
        return {"A": A}, ["--factor", str(k)], fn, []
    if layer in ("conv1d", "conv2d"):
        dims = 2 if layer == "conv2d" else 1
        cin, cout = int(rng.integers(1, 6)), int(rng.integers(1, 6))
        while True:
            K = [int(rng.integers(1, 6)) for _ in range(dims)]
            s = [int(rng.integers(1, 4)) for _ in range(dims)]
            p = [int(rng.integers(0, 3)) for _ in range(dims)]
            d = [int(rng.integers(1, 3)) for _ in range(dims)]
            size = [int(rng.integers(5, 30)) for _ in range(dims)]
            if all(size[i] + 2 * p[i] >= d[i] * (K[i] - 1) + 1 for i in range(dims)):
                break
        W = rng.standard_normal([cout, cin] + K)
        b = rng.standard_normal([cout])
        A = rng.standard_normal([n, cin] + size)
        conv = F.conv2d if dims == 2 else F.conv1d
        for name, v in (("--stride", s), ("--padding", p), ("--dilation", d)):
            opts += [name, ",".join(map(str, v))]
        return {"A": A, "W": W, "b": b}, opts, \
            lambda a, w, bb: conv(a, w, bb, stride=tuple(s), padding=tuple(p), dilation=tuple(d)), ["W", "b"]
    if layer in ("convtranspose1d", "convtranspose2d"):
        dims = 2 if layer.endswith("2d") else 1
        cin, cout, k = int(rng.integers(1, 5)), int(rng.integers(1, 5)), int(rng.integers(1, 4))
        K = int(rng.integers(1, 4))
        size = [int(rng.integers(K, 12)) for _ in range(dims)]
        W = rng.standard_normal([cout, cin] + [K] * dims)
        b = rng.standard_normal([cout])
        A = rng.standard_normal([n, cin] + size)
        conv = F.conv2d if dims == 2 else F.conv1d
        return {"A": A, "W": W, "b": b}, ["--factor", str(k)], \
            lambda a, w, bb: conv(zero_stuff(a, k, dims), w, bb), ["W", "b"]
    if layer in ("maxpool2d", "meanpool2d"):
        K, s = int(rng.integers(1, 5)), int(rng.integers(1, 4))
        A = rng.standard_normal([n, int(rng.integers(1, 4)), int(rng.integers(K, 20)), int(rng.integers(K, 20))])
        pool = F.max_pool2d if layer == "maxpool2d" else F.avg_pool2d
        return {"A": A}, ["--kernel", str(K), "--stride", str(s)], lambda a: pool(a, K, s), []
    if layer == "flatten":
        return {"A": rng.standard_normal([n, 3, 4, 5])}, [], lambda a: a.reshape(a.shape[0], -1), []
    if layer == "linear":
        fin, fout = int(rng.integers(1, 30)), int(rng.integers(1, 10))
        return {"A": rng.standard_normal([n, fin]), "W": rng.standard_normal([fout, fin]),
                "b": rng.standard_normal([fout, 1])}, [], \
            lambda a, w, bb: F.linear(a, w, bb.reshape(-1)), ["W", "b"]
    if layer in ("relu", "sigmoid", "tanh"):
        A = rng.standard_normal([n, 7]) * 40
        A[0, 0], A[0, 1] = 1750.0, -1750.0
        return {"A": A}, [], {"relu": torch.relu, "sigmoid": torch.sigmoid, "tanh": torch.tanh}[layer], []
    if layer in ("scan-mlp-simple", "scan-mlp-distributed"):
        w = [rng.standard_normal(s) for s in ((192, 8), (8, 16), (16, 4))]
        A = rng.standard_normal([1, 24, 128])
        if layer == "scan-mlp-simple":
            specs = [(8, 4, None), (1, 1, None), (1, 1, None)]
        else:
            specs = [(8, 2, (2, 2)), (4, 2, (8, 2)), (2, 1, (4, 2))]

        def net(a, w1, w2, w3):
            x = a
            for i, (weights, (k, stride, cut)) in enumerate(zip((w1, w2, w3), specs)):
                kernel = mlp_kernel(weights, k)
                if cut:
                    kernel = kernel[:cut[0], :, :cut[1]]
                x = F.conv1d(x, kernel, stride=stride)
                if i < 2:
                    x = torch.relu(x)
            return x.reshape(1, -1)
        return {"A": A, "w1": w[0], "w2": w[1], "w3": w[2]}, [], net, ["w1", "w2", "w3"]
    raise ValueError(layer)


LAYERS = ["upsample1d", "downsample1d", "upsample2d", "downsample2d", "conv1d", "conv2d",
          "convtranspose1d", "convtranspose2d", "maxpool2d", "meanpool2d", "flatten", "linear",
          "relu", "sigmoid", "tanh", "scan-mlp-simple", "scan-mlp-distributed"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=".build/debug/convscope")
    parser.add_argument("--cases", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    worst_overall = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for layer in LAYERS:
            worst = 0.0
            for _ in range(args.cases):
                bundle, opts, fn, params = case(rng, layer)
                A = torch.tensor(bundle["A"], requires_grad=True)
                ps = [torch.tensor(bundle[k], requires_grad=True) for k in params]
                Z = fn(A, *ps)
                bundle["dLdZ"] = rng.standard_normal(tuple(Z.shape))
                Z.backward(torch.tensor(bundle["dLdZ"]))
                expected = {"Z": Z.detach().numpy(), "dLdA": A.grad.numpy()}
                for key, p in zip(params, ps):
                    expected["dLd" + key] = p.grad.numpy()
                src, out = os.path.join(tmp, "in.npz"), os.path.join(tmp, "out.npz")
                np.savez(src, **bundle)
                run = subprocess.run([args.binary, "compute", layer, src, *opts, "-o", out],
                                     capture_output=True, text=True)
                if run.returncode != 0:
                    print(f"{layer}: convscope failed: {run.stderr.strip()}")
                    return 1
                got = np.load(out)
                for key, value in expected.items():
                    if got[key].shape != value.shape:
                        print(f"{layer}: {key} shape {got[key].shape} != torch {value.shape}")
                        return 1
                    if value.size:
                        worst = max(worst, float(np.max(np.abs(got[key] - value))))
            worst_overall = max(worst_overall, worst)
            print(f"{layer:22s} {args.cases} cases  max |error| {worst:.2e}")
    print(f"worst {worst_overall:.2e} (tolerance {TOLERANCE:.0e}); torch {torch.__version__}")
    return 0 if worst_overall <= TOLERANCE else 1


if __name__ == "__main__":
    sys.exit(main())
