#!/usr/bin/env python3
"""ConvScope against its NumPy and PyTorch peers, in one run on one machine.

    python3 scripts/bench.py [--min-time 1.0] [--only TEXT] [--reference Benchmarks/reference/bench.py]

Builds and runs the release benchmark (`convscope-bench`), then the reference
`bench.py` (NumPy, and PyTorch when installed) over the same ladder plus issue 6's
extra rungs, and prints per workload the time ratio ConvScope/NumPy and
ConvScope/PyTorch (below 1 means ConvScope is faster). OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE are unset for the reference run only, so NumPy uses its best kernel.
"""
import argparse
import json
import os
import runpy
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The reference kept in the repo (a copy of the project's shared one; see its README).
REFERENCE = os.path.join(ROOT, "Benchmarks", "reference", "bench.py")


def reference_driver(path, argv):
    """Runs the reference bench.py with the issue's rungs that its ladder lacks."""
    sys.argv = [path] + argv
    ref = runpy.run_path(path, run_name="reference_bench")
    ref["WORKLOADS"].extend([
        ("conv1d", ref["conv1d"](8, 16, 32, 4096, 5)),
        ("meanpool2d", ref["pool"](8, 32, 64, 64, 3, 1)),
    ])
    ref["main"]()


def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "-"


def fmt_s(t):
    return "-" if t is None else f"{t * 1e6:.0f} us" if t < 1e-3 else f"{t * 1e3:.2f} ms"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-time", default="1.0", help="seconds of timing per cell (default 1.0)")
    ap.add_argument("--only", default="", help="only workloads whose name contains this")
    ap.add_argument("--reference", default=REFERENCE, help="the reference bench.py (default: %(default)s)")
    ap.add_argument("--no-build", action="store_true", help="use the existing release build")
    args = ap.parse_args()

    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "convscope-bench"], cwd=ROOT, check=True)
    tmp = tempfile.mkdtemp()
    ours_json, ref_json = os.path.join(tmp, "convscope.json"), os.path.join(tmp, "reference.json")
    only = ["--only", args.only] if args.only else []
    subprocess.run([os.path.join(ROOT, ".build", "release", "convscope-bench"), "--min-time", args.min_time,
                    "--json", ours_json] + only, check=True)
    print()
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    subprocess.run([sys.executable, os.path.abspath(__file__), "--reference-driver", args.reference,
                    "--min-time", args.min_time, "--json", ref_json] + only, env=env, check=True)

    with open(ours_json) as fh:
        ours = {r["workload"]: r for r in json.load(fh)["results"]}
    with open(ref_json) as fh:
        ref = json.load(fh)
    peers = {r["workload"]: r for r in ref["results"]}
    mm = ref["matmul_gflops"]
    print(f"\n{ref['machine']}")
    print("float64 2048² matmul: " + ", ".join(f"{k} {v['gflops']:.1f} GFLOP/s" for k, v in mm.items()))
    print("\n| workload (forward + backward, float64) | ConvScope | GFLOP/s | NumPy | PyTorch | ConvScope/NumPy | ConvScope/PyTorch |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, r in ours.items():
        if name.startswith("frame"):
            continue
        peer = peers.get(name, {})
        gflops = f"{r['flops'] / r['seconds'] / 1e9:.1f}" if r.get("flops") else "-"
        if name.startswith("matmul"):
            # No peer time: compare rates with the reference's own 2048² matmul.
            ours_rate = r["flops"] / r["seconds"] / 1e9
            rates = [f"{mm[k]['gflops']:.1f} GFLOP/s" if k in mm else "-" for k in ("numpy", "torch")]
            shares = [f"{ours_rate / mm[k]['gflops']:.2f} of its rate" if k in mm else "-" for k in ("numpy", "torch")]
            print(f"| {name} | {fmt_s(r['seconds'])} | {gflops} | " + " | ".join(rates + shares) + " |")
            continue
        print(f"| {name} | {fmt_s(r['seconds'])} | {gflops} | {fmt_s(peer.get('numpy_s'))} | "
              f"{fmt_s(peer.get('torch_s'))} | {ratio(r['seconds'], peer.get('numpy_s'))} | "
              f"{ratio(r['seconds'], peer.get('torch_s'))} |")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--reference-driver":
        reference_driver(sys.argv[2], sys.argv[3:])
    else:
        main()
