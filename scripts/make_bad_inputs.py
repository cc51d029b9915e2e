#!/usr/bin/env python3
"""Writes the bundles of the command-line bad-input matrix into Tests/ConvScopeCLITests/Fixtures/.

Each NAME.npz is a bundle `convscope compute` and `render` might be handed: broken
archives, members with lying or hostile headers (terminal escapes among them), unsupported dtypes, awkward keys, zip
bombs, and valid but awkward values (NaN, ±Inf, empty arrays). BadInputMatrixTests
says what each must produce. Every file stays under a few kilobytes.

Run from the repository root:  python3 scripts/make_bad_inputs.py
"""
import io
import pathlib
import struct
import warnings
import zipfile

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "ConvScopeCLITests" / "Fixtures"
SIGNAL = np.array([[[1.0, -2.0, 3.0, -4.0]]])


def npy(a):
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, a)
    return buffer.getvalue()


def npy_with_header(header, data=b""):
    """A version 1.0 .npy whose header dict is `header`, padded as NumPy pads it."""
    text = header.encode("latin1")
    padding = 64 - (10 + len(text) + 1) % 64
    body = text + b" " * padding + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(body)) + body + data


def archive(members, compression=zipfile.ZIP_STORED):
    """A zip of (name, bytes) members in order; duplicates are kept."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as z, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is the point of one bundle
        for name, data in members:
            z.writestr(name, data)
    return buffer.getvalue()


def declare_size(data, member_data, size):
    """Rewrites every header's uncompressed-size field of the member holding `member_data`."""
    true_size = struct.pack("<I", len(member_data))
    return data.replace(true_size, struct.pack("<I", size))


def bundles():
    f8 = "{'descr': '<f8', 'fortran_order': False, 'shape': %s, }"
    zeros = np.zeros((1, 1, 64 * 1024))
    bomb = archive([("A.npy", npy(zeros))], zipfile.ZIP_DEFLATED)
    return {
        "truncated_data": archive([("A.npy", npy(SIGNAL)[:-9])]),
        "truncated_archive": archive([("A.npy", npy(SIGNAL))])[:100],
        "wrong_magic": archive([("A.npy", b"\x93NUMPX" + npy(SIGNAL)[6:])]),
        "header_too_long": archive([("A.npy", b"\x93NUMPY\x02\x00" + struct.pack("<I", 1 << 20) + b"{'descr'")]),
        "shape_lies": archive([("A.npy", npy_with_header(f8 % "(1, 1, 2)", SIGNAL.tobytes()))]),
        "shape_overflows": archive([("A.npy", npy_with_header(f8 % "(4294967296, 4294967296, 4294967296)"))]),
        "shape_absurd": archive([("A.npy", npy_with_header(f8 % "(1, 1, 1073741824)", SIGNAL.tobytes()))]),
        "dtype_object": archive([("A.npy", npy(np.array([None, {"a": 1}], dtype=object)))]),
        "dtype_complex": archive([("A.npy", npy(SIGNAL.astype(np.complex128)))]),
        "dtype_long_double": archive([("A.npy", npy_with_header(
            "{'descr': '<f16', 'fortran_order': False, 'shape': (1,), }", bytes(16)))]),
        # A non-ASCII name gets zip's UTF-8 flag; its two UTF-8 bytes become invalid ones.
        "key_not_utf8": archive([("A.npy", npy(SIGNAL)), ("\u00ff.npy", npy(SIGNAL))]).replace(b"\xc3\xbf", b"\xff\xfe"),
        "key_duplicate": archive([("A.npy", npy(SIGNAL)), ("A.npy", npy(-SIGNAL))]),
        "bomb_lying": declare_size(bomb, npy(zeros), 256),
        "bomb_declared": declare_size(archive([("A.npy", npy(SIGNAL)), ("W.npy", npy(SIGNAL))]), npy(SIGNAL), 0xF000_0000),
        # Terminal escapes (retitle the window, ring the bell) where a message would echo them.
        "header_escape": archive([("A.npy", npy_with_header(
            "{'descr': '\x1b]0;TITLE\x07', 'fortran_order': False, 'shape': (1,), }", bytes(8)))]),
        "key_escape": archive([("A.npy", npy(SIGNAL)), ("\x1b[31mred\x07.npy", b"not an array")]),
        "key_non_ascii": archive([("A.npy", npy(SIGNAL)), ("größe.npy", npy(np.ones(2)))]),
        "non_finite": archive([("A.npy", npy(np.array([[[np.nan, np.inf, -np.inf, 1.5, -2.0]]])))]),
        "empty": archive([("A.npy", npy(np.zeros((1, 2, 0))))]),
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.npz"):
        old.unlink()
    for name, data in bundles().items():
        (OUT / f"{name}.npz").write_bytes(data)


if __name__ == "__main__":
    main()
