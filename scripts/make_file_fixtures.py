#!/usr/bin/env python3
"""Writes the TensorFiles test fixtures into Tests/TensorFilesTests/Fixtures/.

Good fixtures come as NAME.npy (or NAME.npz) plus NAME.json holding the expected
values, computed by NumPy itself (`astype(np.float64)`, in C order) and written as
float64 repr strings and hex bit patterns, so the Swift tests compare against
NumPy, not against our reader.
Bad fixtures (bad_*.npy / bad_*.npz) are malformed on purpose; the Swift tests
check the error each one raises.

Run from the repository root:  python3 scripts/make_file_fixtures.py
"""
import io
import json
import pathlib
import struct
import zipfile

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "TensorFilesTests" / "Fixtures"


def expected(a):
    """Shape and float64 repr strings of an array, from NumPy's own conversion."""
    flat = np.ascontiguousarray(a).astype(np.float64).ravel()
    return {"shape": list(a.shape), "values": [repr(float(v)) for v in flat],
            "bits": [f"{b:016x}" for b in flat.view("<u8")]}


def save(name, a, version=None):
    """NAME.npy via np.save (or write_array for an explicit version) and NAME.json."""
    with open(OUT / f"{name}.npy", "wb") as f:
        if version is None:
            np.save(f, a)
        else:
            np.lib.format.write_array(f, a, version=version)
    (OUT / f"{name}.json").write_text(json.dumps(expected(a)) + "\n")


def save_npz(name, arrays, writer):
    writer(OUT / f"{name}.npz", **arrays)
    members = {key: expected(a) for key, a in arrays.items()}
    (OUT / f"{name}.json").write_text(json.dumps({"members": members}, ensure_ascii=False) + "\n")


def npy_bytes(a):
    buffer = io.BytesIO()
    np.save(buffer, a)
    return buffer.getvalue()


def raw_header(header, data=b""):
    """A version 1.0 .npy with an arbitrary header text (padded like NumPy's)."""
    text = header.encode("latin1")
    padding = 64 - (10 + len(text) + 1) % 64
    body = text + b" " * padding + b"\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(body)) + body + data


def good_fixtures():
    ints = [0, 1, -1, 127, -128]
    save("f8", np.array([[0.0, -0.0, 1.5], [np.pi, 5e-324, -1.7976931348623157e308]]))
    save("f4", np.array([1.1, -0.0, 1e-45, 3.4028235e38, np.float32(1) / 3], dtype="<f4"))
    # Every kind of half: zero, subnormals (smallest and largest), normals, max, inf, nan.
    halves = np.array([0x0000, 0x8000, 0x0001, 0x03FF, 0x0400, 0x3C00, 0xC000, 0x3555,
                       0x7BFF, 0x7C00, 0xFC00, 0x7E00, 0x7C01, 0xFE01], dtype="<u2").view("<f2")
    save("f2", halves)
    save("i1", np.array(ints, dtype="i1"))
    save("i2", np.array(ints + [32767, -32768], dtype="<i2"))
    save("i4", np.array(ints + [2**31 - 1, -2**31], dtype="<i4"))
    save("i8", np.array(ints + [2**53 + 1, 2**63 - 1, -2**63], dtype="<i8"))
    save("u1", np.array([0, 1, 128, 255], dtype="u1"))
    save("u2", np.array([0, 1, 65535], dtype="<u2"))
    save("u4", np.array([0, 1, 2**32 - 1], dtype="<u4"))
    save("u8", np.array([0, 1, 2**53 + 1, 2**63 + 1025, 2**64 - 1], dtype="<u8"))
    save("b1", np.array([[True, False], [False, True]]))
    signed = np.array([[1, -2, 3], [4, 100, -6]])
    for dtype in ["f8", "f4", "f2", "i2", "i4", "i8", "u2", "u4", "u8"]:
        save(f"be_{dtype}", (np.abs(signed) if dtype[0] == "u" else signed).astype(">" + dtype))
    save("fortran_2d", np.asfortranarray(np.arange(6, dtype="<f8").reshape(2, 3)))
    save("fortran_3d_be", np.asfortranarray(np.arange(24, dtype=">i4").reshape(2, 3, 4)))
    save("scalar", np.array(2.5))
    save("vector", np.array([1.0, 2.0, 3.0]))
    save("rank4", np.arange(2 * 3 * 2 * 2, dtype="<f4").reshape(2, 3, 2, 2) - 10)
    save("empty", np.zeros((0, 3)))
    save("specials", np.array([np.nan, np.inf, -np.inf, -0.0]))
    save("v2", np.arange(6.0).reshape(3, 2), version=(2, 0))
    save("v3", np.arange(6.0).reshape(2, 3) / 7, version=(3, 0))
    arrays = {"weights": np.arange(6.0).reshape(2, 3), "bias": np.array([0.5, -0.5], dtype="<f4"),
              "größe": np.array(7, dtype="i2")}
    save_npz("savez", arrays, np.savez)
    save_npz("savez_compressed", arrays, np.savez_compressed)


def patch_zip_names(data, old, new, utf8_flag=False):
    """Renames a member in both its local header and central directory entry."""
    assert len(old) == len(new) and data.count(old) == 2
    data = data.replace(old, new)
    if utf8_flag:
        for signature, flag_offset in [(b"PK\x03\x04", 6), (b"PK\x01\x02", 8)]:
            at = data.index(signature)
            flags = struct.unpack_from("<H", data, at + flag_offset)[0]
            data = data[:at + flag_offset] + struct.pack("<H", flags | 0x800) + data[at + flag_offset + 2:]
    return data


def zip_with(members, compression=zipfile.ZIP_STORED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            # A fixed date keeps regenerated fixtures byte-identical.
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, compression)
    return buffer.getvalue()


def bad_fixtures():
    vector = npy_bytes(np.arange(12.0).reshape(3, 4))
    bad = {
        "bad_truncated.npy": vector[:128 + 40],
        "bad_magic.npy": b"\x93NUMPX" + vector[6:],
        "bad_version.npy": vector[:6] + b"\x04\x00" + vector[8:],
        "bad_header.npy": raw_header("{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4}"),
        "bad_keys.npy": raw_header("{'descr': '<f8', 'shape': (2,), }", b"\x00" * 16),
        "bad_shape_lies.npy": raw_header("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
                                         b"\x00" * 32),
        "bad_overflow.npy": raw_header("{'descr': '<f8', 'fortran_order': False, "
                                       "'shape': (4294967296, 4294967296, 4294967296), }"),
        "bad_huge.npy": raw_header("{'descr': '<f8', 'fortran_order': False, 'shape': (65536, 65536), }"),
        "bad_negative.npy": raw_header("{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 2), }"),
        # Declares a 60000-byte header (over NumPy's 10000 limit); the rest is never read.
        "bad_header_too_long.npy": b"\x93NUMPY\x01\x00" + struct.pack("<H", 60_000) + b"{'descr'",
        "bad_object.npy": None,
        "bad_complex.npy": npy_bytes(np.array([1 + 2j])),
        "bad_string.npy": npy_bytes(np.array(["ab", "c"])),
        "bad_structured.npy": npy_bytes(np.zeros(2, dtype=[("x", "<f4"), ("y", "<i2")])),
        "bad_datetime.npy": npy_bytes(np.array(["2024-01-01"], dtype="M8[D]")),
        "bad_longdouble.npy": raw_header("{'descr': '<f16', 'fortran_order': False, 'shape': (1,), }",
                                         b"\x00" * 16),
        "bad_nesting.npy": raw_header("{'descr': '<f8', 'fortran_order': False, 'shape': "
                                      + "(" * 500 + ")" * 500 + ", }"),
    }
    with open(OUT / "bad_object.npy", "wb") as f:
        np.save(f, np.array([{"a": 1}, None], dtype=object), allow_pickle=True)
    del bad["bad_object.npy"]

    small = npy_bytes(np.arange(4.0))
    bad["bad_not_npy_member.npz"] = zip_with([("a.npy", small), ("notes.txt", b"hello")])
    bad["bad_duplicate.npz"] = zip_with([("a.npy", small), ("a.npy", small)])
    bad["bad_member.npz"] = zip_with([("good.npy", small), ("broken.npy", small[:140])])
    # Declares fewer bytes than the member inflates to, as a zip bomb might.
    big = npy_bytes(np.zeros(1000))
    bomb = zip_with([("bomb.npy", big)], zipfile.ZIP_DEFLATED)
    size = struct.pack("<I", len(big))
    assert bomb.count(size) == 2
    bad["bad_bomb.npz"] = bomb.replace(size, struct.pack("<I", 200))
    bad["bad_utf8_name.npz"] = patch_zip_names(zip_with([("key_X.npy", small)]), b"key_X", b"key_\xff",
                                               utf8_flag=True)
    bad["bad_not_zip.npz"] = b"this is not a zip archive\n"
    for name, data in bad.items():
        (OUT / name).write_bytes(data)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    good_fixtures()
    bad_fixtures()


if __name__ == "__main__":
    main()
