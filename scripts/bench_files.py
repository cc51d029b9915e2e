#!/usr/bin/env python3
"""ConvScope's .npz reading and writing, and `convscope compute` end to end, against NumPy
and PyTorch in one run (issue 15's comparison).

    python3 scripts/bench_files.py [--repeats 5] [--rounds 3] [--no-build] [--skip files|compute|open]
                                   [--reference ../shared/reference]

1. Files: bundles of about 10 MB and 200 MB (float64, stored and deflated), read and written
   in process by `convscope-bench --files` and by np.load / np.savez / np.savez_compressed,
   the two sides alternating --rounds times.
2. Compute: issue 15's rungs. ConvScope is the whole `convscope compute LAYER bundle.npz
   -o out.npz` process minus its start-up (the same command on a 2×3 bundle, run just
   before); NumPy is numpy_ref.py and PyTorch (when importable) is torch.nn.functional with
   autograd, both in process with np.load before and np.savez of Z, dLdA (dLdW, dLdb) after.
   The sides take turns, --repeats rounds after a warm-up, and each ratio is given with its
   range over the rounds.
3. Open: `convscope render maxpool2d` of a 1×64×512×512 bundle (read, compute the walk,
   draw the first 120×40 frame) minus start-up, against np.load of the same bundle.

Times are medians over --repeats; ratios are ConvScope / peer (below 1 is faster), with
their range over the rounds (files, compute) or ConvScope's spread, (max - min) / median of
its repeats (open), to show the machine's noise.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")
os.environ.setdefault("OMP_NUM_THREADS", "2")
import numpy as np  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, ".build", "release")

# Issue 15's rungs: (name, layer, reference parameters, convscope options).
RUNGS = [
    ("conv2d N8 16→32 64² K3", "conv2d", dict(N=8, Ci=16, Co=32, S=(64, 64), K=3, s=1, p=0), []),
    ("conv2d N8 64→64 56² K3 p1", "conv2d", dict(N=8, Ci=64, Co=64, S=(56, 56), K=3, s=1, p=1), ["--padding", "1"]),
    ("conv2d N1 3→64 224² K3", "conv2d", dict(N=1, Ci=3, Co=64, S=(224, 224), K=3, s=1, p=0), []),
    ("conv1d N8 16→32 W4096 K5", "conv1d", dict(N=8, Ci=16, Co=32, S=(4096,), K=5, s=1, p=0), []),
    ("maxpool2d N8 C32 64² k3 s1", "maxpool2d", dict(N=8, C=32, S=(64, 64), k=3, s=1),
     ["--kernel", "3", "--stride", "1"]),
    ("meanpool2d N8 C32 64² k2 s2", "meanpool2d", dict(N=8, C=32, S=(64, 64), k=2, s=2),
     ["--kernel", "2", "--stride", "2"]),
]


def med(samples):
    return statistics.median(samples)


def spread(samples):
    return (max(samples) - min(samples)) / med(samples)


def once(fn, settle=0.0):
    """Seconds one call of `fn` takes, after `settle` idle seconds (for the last side's
    thread pools to stop spinning)."""
    time.sleep(settle)
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def timed(fn, repeats):
    """Seconds of each of `repeats` calls after one warm-up call."""
    fn()
    return [once(fn) for _ in range(repeats)]


def process(argv):
    return lambda: subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)


def ms(t):
    return f"{t * 1e3:.0f} ms" if t >= 0.1 else f"{t * 1e3:.1f} ms"


def ratio(a, b):
    return f"{a / b:.2f}" if a is not None and b else "-"


def load_all(path):
    with np.load(path) as z:
        return {k: z[k] for k in z.files}


def file_table(tmp, rounds):
    """Each bundle's ConvScope and NumPy timings alternate, `rounds` times, so both sides
    see the same load; the table shows medians and the spread of the per-round ratios."""
    rng = np.random.default_rng(0)
    print("\n| .npz in process | ConvScope | NumPy | ConvScope/NumPy | ratio range |\n|---|---:|---:|---:|---:|")
    written = os.path.join(tmp, "numpy-written.npz")
    for mb in (10, 200):
        rows = mb * 1_000_000 // 16 // 1000
        arrays = {"A": rng.normal(size=(rows, 1000)), "dLdZ": rng.normal(size=(rows, 1000))}
        for deflated in (False, True):
            name = f"bundle{mb}MB{'-deflated' if deflated else ''}.npz"
            path = os.path.join(tmp, name)
            (np.savez_compressed if deflated else np.savez)(path, **arrays)
            numpy_cases = {f"read {name}": lambda: load_all(path)}
            if not deflated:  # the arrays written back once stored and once deflated
                numpy_cases[f"write stored {name}"] = lambda: np.savez(written, **arrays)
                numpy_cases[f"write deflated {name}"] = lambda: np.savez_compressed(written, **arrays)
            samples = {label: ([], []) for label in numpy_cases}
            for _ in range(rounds):
                out_json = os.path.join(tmp, "files.json")
                subprocess.run([os.path.join(RELEASE, "convscope-bench"), "--files", path, "--min-time", "0.3",
                                "--json", out_json] + (["--read-only"] if deflated else []),
                               check=True, stdout=subprocess.DEVNULL)
                with open(out_json) as fh:
                    ours = {r["workload"]: r["seconds"] for r in json.load(fh)["results"]}
                for label, fn in numpy_cases.items():
                    samples[label][0].append(ours[label])
                    samples[label][1].append(med(timed(fn, 2 if "deflated" in label or mb > 10 else 5)))
            for label, (mine, peer) in samples.items():
                ratios = [a / b for a, b in zip(mine, peer)]
                print(f"| {label} | {ms(med(mine))} | {ms(med(peer))} | {med(ratios):.2f} "
                      f"| {min(ratios):.2f}–{max(ratios):.2f} |")


def reference_layer(R, layer, P, A_shape_rng):
    rng = A_shape_rng
    if layer.startswith("conv"):
        d = len(P["S"])
        A = rng.normal(size=(P["N"], P["Ci"]) + P["S"])
        W = rng.normal(size=(P["Co"], P["Ci"]) + (P["K"],) * d) / np.sqrt(P["Ci"] * P["K"] ** d)
        b = rng.normal(size=P["Co"])
        cls = R.Conv2d if d == 2 else R.Conv1d
        return {"A": A, "W": W, "b": b}, lambda t: cls(P["Ci"], P["Co"], P["K"], P["s"], P["p"], W=t["W"], b=t["b"])
    A = rng.normal(size=(P["N"], P["C"]) + P["S"])
    cls = R.MaxPool2d if layer == "maxpool2d" else R.MeanPool2d
    return {"A": A}, lambda t: cls(P["k"], P["s"])


def torch_forward(torch, layer, P, leaves):
    F = torch.nn.functional
    if layer == "conv2d":
        return F.conv2d(leaves[0], leaves[1], leaves[2], stride=P["s"], padding=P["p"])
    if layer == "conv1d":
        return F.conv1d(leaves[0], leaves[1], leaves[2], stride=P["s"], padding=P["p"])
    if layer == "maxpool2d":
        return F.max_pool2d(leaves[0], P["k"], stride=P["s"])
    return F.avg_pool2d(leaves[0], P["k"], stride=P["s"])


def compute_table(tmp, repeats, reference):
    """Each rung runs ConvScope, NumPy and PyTorch in turn, `repeats` times after a warm-up
    round, so all three see the same load; the table gives medians, and each ratio's median
    and range over the rounds (a ConvScope run minus the median of the rung's start-up runs)."""
    sys.path.insert(0, reference)
    import numpy_ref as R
    try:
        import torch
        torch.set_num_threads(2)
    except Exception:
        torch = None
    convscope = os.path.join(RELEASE, "convscope")
    tiny = os.path.join(tmp, "tiny.npz")
    np.savez(tiny, A=np.ones((2, 3)))
    out = os.path.join(tmp, "out.npz")
    start_up = process([convscope, "compute", "relu", tiny, "-o", out])
    print("\n| `compute`, end to end | ConvScope | NumPy ref | PyTorch | /NumPy | range | /PyTorch | range |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    rng = np.random.default_rng(1)
    startups = []
    for name, layer, P, options in RUNGS:
        tensors, make = reference_layer(R, layer, P, rng)
        tensors["dLdZ"] = rng.normal(size=make(tensors).forward(tensors["A"]).shape)
        bundle = os.path.join(tmp, f"{layer}.npz")
        np.savez(bundle, **tensors)
        ours_run = process([convscope, "compute", layer, bundle] + options + ["-o", out])

        def numpy_run():
            t = load_all(bundle)
            lay = make(t)
            result = {"Z": lay.forward(t["A"]), "dLdA": lay.backward(t["dLdZ"])}
            if "W" in t:
                result.update(dLdW=lay.dLdW, dLdb=lay.dLdb)
            np.savez(out, **result)

        def torch_run():
            t = load_all(bundle)
            leaves = [torch.from_numpy(t[k]).requires_grad_() for k in ("A", "W", "b") if k in t]
            Z = torch_forward(torch, layer, P, leaves)
            grads = torch.autograd.grad(Z, leaves, torch.from_numpy(t["dLdZ"]))
            result = dict(zip(["Z", "dLdA", "dLdW", "dLdb"], [Z.detach().numpy()] + [g.numpy() for g in grads]))
            np.savez(out, **result)

        sides = [start_up, ours_run, numpy_run] + ([torch_run] if torch is not None else [])
        for side in sides:  # the warm-up round
            side()
        rounds = [[once(side, settle=0.1) for side in sides] for _ in range(repeats)]
        startups += [r[0] for r in rounds]
        ours = [r[1] - med([r[0] for r in rounds]) for r in rounds]
        numpy_t = [r[2] for r in rounds]
        cells = [ms(med(ours)), ms(med(numpy_t))]
        by_numpy = [a / b for a, b in zip(ours, numpy_t)]
        ratios = [f"{med(by_numpy):.2f}", f"{min(by_numpy):.2f}–{max(by_numpy):.2f}"]
        if torch is not None:
            torch_t = [r[3] for r in rounds]
            by_torch = [a / b for a, b in zip(ours, torch_t)]
            cells.append(ms(med(torch_t)))
            ratios += [f"{med(by_torch):.2f}", f"{min(by_torch):.2f}–{max(by_torch):.2f}"]
        else:
            cells.append("-")
            ratios += ["-", "-"]
        print(f"| {name} | " + " | ".join(cells + ratios) + " |")
    print(f"\nconvscope start-up (compute relu on a 2×3 bundle, run before each ConvScope run; a rung's "
          f"median is subtracted from its runs): {ms(med(startups))} median")


def open_table(tmp, repeats):
    convscope = os.path.join(RELEASE, "convscope")
    bundle, tiny = os.path.join(tmp, "open.npz"), os.path.join(tmp, "open-tiny.npz")
    rng = np.random.default_rng(2)
    np.savez(bundle, A=rng.normal(size=(1, 64, 512, 512)))
    np.savez(tiny, A=rng.normal(size=(1, 1, 4, 4)))
    render = [convscope, "render", "maxpool2d"]
    startup = med(timed(process(render + [tiny, "--size", "120x40"]), repeats))
    ours = [t - startup for t in timed(process(render + [bundle, "--size", "120x40"]), repeats)]
    peer = med(timed(lambda: load_all(bundle), repeats))
    print("\n| open 1×64×512×512 to the first frame | ConvScope | spread | np.load | ConvScope/np.load |")
    print("|---|---:|---:|---:|---:|")
    print(f"| render maxpool2d --size 120x40, minus start-up ({ms(startup)}) | {ms(med(ours))} "
          f"| {spread(ours):.2f} | {ms(peer)} | {ratio(med(ours), peer)} |")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5, help="timed runs per cell after a warm-up (default 5)")
    ap.add_argument("--rounds", type=int, default=3,
                    help="alternating ConvScope/NumPy rounds per file cell (default 3)")
    ap.add_argument("--no-build", action="store_true", help="use the existing release build")
    ap.add_argument("--skip", action="append", default=[], choices=["files", "compute", "open"])
    ap.add_argument("--reference", default=os.path.join(ROOT, "..", "shared", "reference"),
                    help="the folder with numpy_ref.py")
    args = ap.parse_args()
    if not args.no_build:
        for product in ("convscope", "convscope-bench"):
            subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True)
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
        if "files" not in args.skip:
            file_table(tmp, args.rounds)
        if "compute" not in args.skip:
            compute_table(tmp, args.repeats, args.reference)
        if "open" not in args.skip:
            open_table(tmp, args.repeats)


if __name__ == "__main__":
    main()
