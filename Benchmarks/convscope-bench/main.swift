import ConvScopeCore
import Foundation

// convscope-bench [--only TEXT] [--min-time SECONDS] [--json FILE] [--no-frames]
// convscope-bench --files A.npz,B.npz [--read-only] [--min-time SECONDS] [--json FILE]
//
// Times float64 forward+backward workloads (names as in shared/reference/bench.py) and
// the app's frames, or with --files reading and writing those bundles; prints a markdown
// table and optionally writes JSON for scripts/bench.py (bench_files.py for --files).
// Build it in release: `swift run -c release convscope-bench`.

var only = ""
var minTime = 1.0
var jsonPath: String?
var frames = true
var bundles: [String] = []
var readOnly = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--only": only = arguments.next() ?? ""
    case "--min-time": minTime = Double(arguments.next() ?? "") ?? minTime
    case "--json": jsonPath = arguments.next()
    case "--no-frames": frames = false
    case "--files": bundles = (arguments.next() ?? "").split(separator: ",").map(String.init)
    case "--read-only": readOnly = true
    default:
        let usage =
            "usage: convscope-bench [--only TEXT] [--min-time SECONDS] [--json FILE] [--no-frames] "
            + "[--files A.npz,B.npz [--read-only]]"
        FileHandle.standardError.write((usage + "\n").data(using: .utf8)!)
        exit(2)
    }
}

func printRow(_ m: Measurement) {
    let rate = m.gflops.map { String(format: "%.1f", $0) } ?? "-"
    // Flushed per row, so a long run shows progress through a pipe.
    FileHandle.standardOutput.write(
        "| \(m.name) | \(formatSeconds(m.seconds)) | \(rate) | \(m.runs) |\n".data(using: .utf8)!)
}

func emit(_ line: String) { FileHandle.standardOutput.write((line + "\n").data(using: .utf8)!) }

emit("ConvScope, float64, \(Parallel.defaultThreads) thread(s), median of repeats")
emit("")
emit("| workload (forward + backward) | median | GFLOP/s | runs |")
emit("|---|---:|---:|---:|")
var results: [Measurement] = []
if !bundles.isEmpty {
    for m in try FileWorkloads.run(bundles: bundles, minTime: minTime, readOnly: readOnly) {
        printRow(m)
        results.append(m)
    }
} else if frames && (only.isEmpty || "frame".contains(only) || only.hasPrefix("frame")) {
    // Frames first, so the peak memory below is the screens' alone.
    for m in try FrameWorkloads.run(minTime: minTime) {
        printRow(m)
        results.append(m)
    }
    for m in try InputWorkloads.run(minTime: minTime) {
        printRow(m)
        results.append(m)
    }
    for m in try BigTensorWorkloads.run(minTime: minTime) {
        printRow(m)
        results.append(m)
    }
    emit("| frame: peak resident memory | \(String(format: "%.0f MB", peakResidentMB())) | - | - |")
}
for workload in LayerWorkload.ladder where bundles.isEmpty && (only.isEmpty || workload.name.contains(only)) {
    let body = try workload.prepare()
    let (seconds, runs) = try median(minTime: minTime, body)
    let m = Measurement(name: workload.name, seconds: seconds, runs: runs, flops: workload.flops)
    printRow(m)
    results.append(m)
}

if let jsonPath {
    let rows: [[String: Any]] = results.map { m in
        var row: [String: Any] = ["workload": m.name, "seconds": m.seconds, "runs": m.runs]
        if let flops = m.flops { row["flops"] = flops }
        return row
    }
    let document: [String: Any] = [
        "threads": Parallel.defaultThreads, "peak_rss_mb": peakResidentMB(), "results": rows,
    ]
    try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        .write(to: URL(fileURLWithPath: jsonPath))
}
