#!/usr/bin/env python3
"""Writes the seed corpus of the tensor-file fuzzer into Fuzz/corpus/.

Small valid files of every kind the readers take (.npy in each dtype family, byte
order, memory order and format version; .npz stored and deflated; text tensors) and a
few near-valid ones, so the fuzzer starts deep inside each parser.

Run from the repository root:  python3 scripts/make_fuzz_corpus.py
"""
import io
import pathlib
import shutil
import struct

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "Fuzz" / "corpus"


def npy(a, version=None):
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, a, version=version)
    return buffer.getvalue()


def npz(writer, **arrays):
    buffer = io.BytesIO()
    writer(buffer, **arrays)
    return buffer.getvalue()


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    small = np.arange(6, dtype="<f8").reshape(2, 3)
    files = {
        "f8.npy": npy(small),
        "f4_be.npy": npy(small.astype(">f4")),
        "f2.npy": npy(np.array([1.5, -np.inf, np.nan], dtype="<f2")),
        "i2_fortran.npy": npy(np.asfortranarray(small.astype("<i2"))),
        "u1_v2.npy": npy(np.arange(4, dtype="u1"), version=(2, 0)),
        "b1_v3.npy": npy(np.array([True, False]), version=(3, 0)),
        "scalar.npy": npy(np.float64(-0.0)),
        "empty.npy": npy(np.zeros((0, 3))),
        "rank4.npy": npy(np.ones((1, 2, 1, 2), dtype="<i8")),
        "truncated.npy": npy(small)[:-5],
        "object.npy": npy(np.array([None, 1], dtype=object)),
        "savez.npz": npz(np.savez, A=small, b=np.array([1.0])),
        "savez_compressed.npz": npz(np.savez_compressed, W=np.zeros((2, 2, 3)), dLdZ=small),
        "two_channels.txt": b"# two channels\n1 2 3\n4 5 6\n\n0.5 nan -inf\n7 8 9\n",
        "row.txt": b"1e-3 -2 inf\n",
        "ragged.txt": b"1 2\n3\n",
        "long_header.npy": b"\x93NUMPY\x02\x00" + struct.pack("<I", 10_001) + b"{",
    }
    for name, data in files.items():
        (OUT / name).write_bytes(data)


if __name__ == "__main__":
    main()
