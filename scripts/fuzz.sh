#!/usr/bin/env bash
# Fuzzes the .npy, .npz and text readers with libFuzzer for SECONDS (default 60).
#
#   scripts/fuzz.sh [SECONDS]
#
# Builds the fuzz-tensor-files product into .build-fuzz/ (the target exists only when
# CONVSCOPE_FUZZ is set, see Package.swift), copies the seed corpus Fuzz/corpus/ into
# .build-fuzz/corpus/ (kept between runs; the committed seeds are never changed) and
# fuzzes into it. A crash, hang or out-of-memory input lands in .build-fuzz/artifacts/
# and the script exits non-zero; replay one with
#   SWIFT_BACKTRACE=enable=no .build-fuzz/debug/fuzz-tensor-files FILE
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
scratch=.build-fuzz

# `--sanitize` links libFuzzer and ASan but (SwiftPM 6.3) compiles without coverage
# instrumentation; `-Xswiftc` adds it. Either alone gives a fuzzer that finds nothing.
CONVSCOPE_FUZZ=1 swift build --scratch-path "$scratch" --product fuzz-tensor-files \
    --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address 2>&1 \
    | { grep -v "ld.gold: warning: Cannot export local symbol" || true; }

mkdir -p "$scratch/corpus" "$scratch/artifacts"
cp Fuzz/corpus/* "$scratch/corpus/"
# Swift's backtracer would turn a crash into a false ASan report. Leak checks are off:
# ZIPFoundation 0.9.20 leaks a few bytes for every archive it opens.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$scratch/debug/fuzz-tensor-files" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -dict=Fuzz/tensor-files.dict -print_final_stats=1 \
    -artifact_prefix="$scratch/artifacts/" "$scratch/corpus"
