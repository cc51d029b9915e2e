#!/usr/bin/env python3
"""The sample data `convscope samples` lists and `--sample NAME` opens.

Regenerate (from the package root; needs NumPy and scikit-learn, which ships both the
8×8 handwritten digits and the photo the RGB patch is cut from, so nothing is downloaded):

    python3 scripts/make_samples.py

It rewrites samples/*.npz and samples/index.json. Developers run it; CI and the tests
only read what it wrote. The output is byte-for-byte deterministic: fixed seeds, and zip
members written with a fixed date (np.savez would stamp the current time).

Bundles use compute's keys, all float64: A, W, b, optional dLdZ; w1, w2, w3 for the
scanning MLPs. index.json lists every sample as {name, file, layer, options, about},
where options are the layer options the sample is meant for, spelled like the command
line: factor and kernel as numbers, stride, padding and dilation as lists of one number
or an (h, w) pair. A "cnn" sample (a labelled batch A, Y for `convscope cnn`) may carry
the network's architecture as options: channels, kernels, strides (lists, one number per
convolution), activations (a list of tanh, relu, sigmoid, identity) and lr (a number).
"""

import io
import json
import pathlib
import zipfile

import numpy as np
from sklearn.datasets import load_digits, load_sample_image

OUT = pathlib.Path(__file__).resolve().parent.parent / "samples"
rng = np.random.default_rng(20240905)


def save(name, **arrays):
    """Writes an .npz np.load reads, deflated, with every zip timestamp fixed."""
    with zipfile.ZipFile(OUT / f"{name}.npz", "w", zipfile.ZIP_DEFLATED) as archive:
        for key, array in arrays.items():
            data = io.BytesIO()
            np.lib.format.write_array(data, np.ascontiguousarray(array, dtype=np.float64), allow_pickle=False)
            member = zipfile.ZipInfo(f"{key}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(member, data.getvalue())
    return f"{name}.npz"


def random(*shape):
    """Normal samples rounded to hundredths, so the numbers on screen stay readable."""
    return np.round(rng.standard_normal(shape), 2)


def sample(name, layer, about, options=None, file=None, **arrays):
    return {"name": name, "file": file or save(name, **arrays), "layer": layer,
            "options": options or {}, "about": about}


# ---------------------------------------------------------------- digits and classic kernels

KERNELS = {
    "sobel-x": ([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], "Sobel x: vertical edges, + where ink begins going right"),
    "sobel-y": ([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], "Sobel y: horizontal edges, + where ink begins going down"),
    "gaussian": (np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]]) / 16, "3×3 Gaussian blur (1 2 1 / 16): strokes softened"),
    "laplacian": ([[0, 1, 0], [1, -4, 1], [0, 1, 0]], "Laplacian: 0 on flat areas, large at stroke ends and bends"),
    "sharpen": ([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], "sharpen (5 in the centre, −1 around): contrast raised"),
    "identity": ([[0, 0, 0], [0, 1, 0], [0, 0, 0]], "identity kernel: Z equals A"),
    "box": (np.ones((3, 3)) / 9, "3×3 box filter: each output the mean of its window"),
}


def digits():
    """The first 0, 2, 4 and 7 of scikit-learn's digits: (4, 1, 8, 8), grey levels 0–16."""
    data = load_digits()
    picks = [int(np.flatnonzero(data.target == d)[0]) for d in (0, 2, 4, 7)]
    return data.images[picks].reshape(len(picks), 1, 8, 8)


def training_sample():
    """Forty digits, four of each class, scaled to 0–1, with their labels: what `convscope cnn`
    trains on (A read as 8 channels × 8 columns, Y class numbers)."""
    data = load_digits()
    picks = [int(i) for d in range(10) for i in np.flatnonzero(data.target == d)[:4]]
    return [sample("digits-train", "cnn", "40 digits (4 of each) with labels Y: the CNN screen trains on them",
                   A=data.images[picks].reshape(len(picks), 1, 8, 8) / 16, Y=data.target[picks].astype(np.float64))]


def assignment_cnn_sample():
    """The assignment's CNN on ten seeded signals (N, 24, 128), one per class, with one-hot
    labels Y (10, 10). Class c is a sine of frequency c + 1 on channels c, c + 2, …, plus
    noise; values are multiples of 1/8 so the file deflates well. The architecture is the
    sample's options (what `convscope cnn` takes): the CLI builds the network from them with
    the assignment's initialisation (weights N(0, 1) from --seed, biases zero)."""
    signal_rng = np.random.default_rng(11785)
    t = np.arange(128) / 128
    A = np.zeros((10, 24, 128))
    for c in range(10):
        A[c, c::2] = np.sin(2 * np.pi * (c + 1) * t)
    A += 0.5 * signal_rng.standard_normal(A.shape)
    options = {"channels": [56, 28, 14], "kernels": [5, 6, 2], "strides": [1, 2, 2],
               "activations": ["tanh", "relu", "sigmoid"], "lr": 0.001}
    return [sample("assignment-cnn", "cnn", "the assignment's CNN: 10 signals (24 × 128), one per class, one-hot Y; "
                   "Linear(14·30 = 420, 10)", options, A=np.round(A * 8) / 8, Y=np.eye(10))]


def digit_samples():
    A = digits()
    return [sample(f"digits-{kernel}", "conv2d", f"digits 0 2 4 7, {about}", {"padding": [1]},
                   A=A, W=np.array(values, dtype=np.float64).reshape(1, 1, 3, 3), b=np.zeros(1))
            for kernel, (values, about) in KERNELS.items()]


# ---------------------------------------------------------------- an RGB patch of a photo

def patch():
    """The pagoda's upper roofs in china.jpg: a 128×128 crop averaged over 4×4 blocks,
    as (1, 3, 32, 32) in 0–1 rounded to thousandths."""
    crop = load_sample_image("china.jpg")[20:148, 140:268].astype(np.float64) / 255
    small = crop.reshape(32, 4, 32, 4, 3).mean(axis=(1, 3))
    return np.round(small.transpose(2, 0, 1)[None], 3)


def image_samples():
    """Luminance weights 0.3 R + 0.6 G + 0.1 B for the edges; the blur keeps colours apart."""
    A = patch()
    sobel = [np.array(KERNELS["sobel-x"][0]), np.array(KERNELS["sobel-y"][0])]
    luminance = [0.3, 0.6, 0.1]
    edges = np.array([[k * weight for weight in luminance] for k in sobel])
    blur = np.zeros((3, 3, 3, 3))
    for c in range(3):
        blur[c, c] = KERNELS["gaussian"][0]
    where = "RGB photo patch"
    return [
        sample("image-sobel", "conv2d", f"{where}: Sobel x and y on luminance, 3 channels → 2",
               {"padding": [1]}, A=A, W=edges, b=np.zeros(2)),
        sample("image-blur", "conv2d", f"{where}: each colour blurred alone (zero cross-colour weights)",
               {"padding": [1]}, A=A, W=blur, b=np.zeros(3)),
        sample("image-maxpool", "maxpool2d", f"{where}: max pooling 2×2, 32×32 → 16×16",
               {"kernel": 2}, A=A),
    ]


# ---------------------------------------------------------------- assignment-sized random bundles

def random_samples():
    """One bundle per layer compute knows, with dLdZ so compute runs backward too."""
    def bundle(layer, about, options, A, out_shape, **parameters):
        return sample(f"random-{layer}", layer, about, options,
                      A=A, dLdZ=random(*out_shape), **parameters)

    return [
        bundle("upsample1d", "(2, 3, 60) ×3 → width 3·59+1 = 178", {"factor": 3}, random(2, 3, 60), (2, 3, 178)),
        bundle("downsample1d", "(2, 3, 61) ÷3 → width ceil(61/3) = 21", {"factor": 3}, random(2, 3, 61), (2, 3, 21)),
        bundle("upsample2d", "(2, 3, 10, 12) ×2 → 19×23", {"factor": 2}, random(2, 3, 10, 12), (2, 3, 19, 23)),
        bundle("downsample2d", "(2, 3, 11, 12) ÷2 → 6×6", {"factor": 2}, random(2, 3, 11, 12), (2, 3, 6, 6)),
        bundle("conv1d", "5 → 10 channels, K 4, stride 2, padding 1: width 60 → 30", {"stride": [2], "padding": [1]},
               random(2, 5, 60), (2, 10, 30), W=random(10, 5, 4), b=random(10)),
        bundle("conv2d", "5 → 8 channels, 3×3, stride 2, padding 1: 16×16 → 8×8", {"stride": [2], "padding": [1]},
               random(2, 5, 16, 16), (2, 8, 8, 8), W=random(8, 5, 3, 3), b=random(8)),
        bundle("convtranspose1d", "5 → 10 channels, K 4, factor 2: width 30 → 59 → 56", {"factor": 2},
               random(2, 5, 30), (2, 10, 56), W=random(10, 5, 4), b=random(10)),
        bundle("convtranspose2d", "3 → 4 channels, 3×3, factor 2: 8×8 → 15×15 → 13×13", {"factor": 2},
               random(2, 3, 8, 8), (2, 4, 13, 13), W=random(4, 3, 3, 3), b=random(4)),
        bundle("maxpool2d", "(2, 3, 16, 16), 2×2 windows, stride 2 → 8×8", {"kernel": 2, "stride": [2]},
               random(2, 3, 16, 16), (2, 3, 8, 8)),
        bundle("meanpool2d", "(2, 3, 16, 16), 3×3 windows, stride 1 → 14×14", {"kernel": 3, "stride": [1]},
               random(2, 3, 16, 16), (2, 3, 14, 14)),
        bundle("flatten", "(2, 3, 4, 5) → (2, 60), channel-major", {}, random(2, 3, 4, 5), (2, 60)),
        bundle("linear", "(4, 20) · W (10, 20)ᵀ + b → (4, 10)", {}, random(4, 20), (4, 10), W=random(10, 20), b=random(10)),
        bundle("relu", "(2, 3, 10): negatives to 0", {}, random(2, 3, 10), (2, 3, 10)),
        bundle("sigmoid", "(2, 3, 10) squashed into (0, 1)", {}, random(2, 3, 10), (2, 3, 10)),
        bundle("tanh", "(2, 3, 10) squashed into (−1, 1)", {}, random(2, 3, 10), (2, 3, 10)),
    ]


def scanning_samples():
    """One file, two samples: the same MLP weights scanned simply and distributed."""
    file = save("scan-mlp", A=random(1, 24, 128), w1=random(192, 8), w2=random(8, 16), w3=random(16, 4),
                dLdZ=random(1, 124))
    return [
        sample("scan-mlp-simple", "scan-mlp-simple", "an MLP (192 → 8 → 16 → 4) scanning (1, 24, 128): 31 windows × 4",
               file=file),
        sample("scan-mlp-distributed", "scan-mlp-distributed", "the same MLP, distributed with shared weights: 31 windows × 4",
               file=file),
    ]


def overflow_samples():
    """Inputs where the textbook formulas overflow float64 (e^z is inf above z ≈ 709.78): the
    first convolution of the assignment's CNN reaches about ±1750. One file, two samples."""
    A = np.array([[[-1750, -745, -710, -20, -1, 0], [1, 20, 709, 710, 800, 1750]]], dtype=np.float64)
    file = save("activation-overflow", A=A, dLdZ=np.ones_like(A))
    return [
        sample("tanh-overflow", "tanh",
               "(1, 2, 6) up to ±1750: (e^z − e^−z)/(e^z + e^−z) = inf/inf = nan, tanh = ±1", file=file),
        sample("sigmoid-overflow", "sigmoid", "the same inputs: 1/(1 + e^−z) overflows for z < −709.78", file=file),
    ]


def main():
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.npz"):
        old.unlink()
    samples = (digit_samples() + training_sample() + assignment_cnn_sample() + image_samples() + random_samples()
               + scanning_samples() + overflow_samples())
    lines = ",\n".join("  " + json.dumps(entry, ensure_ascii=False) for entry in samples)
    (OUT / "index.json").write_text('{"samples": [\n' + lines + "\n]}\n")
    total = sum(f.stat().st_size for f in OUT.iterdir())
    print(f"wrote {len(samples)} samples to {OUT} ({total / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
