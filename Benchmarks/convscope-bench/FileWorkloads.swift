import ConvScopeCore
import Foundation
import TensorFiles

/// Reading and writing whole .npz bundles in process, for `scripts/bench_files.py` to set
/// beside `np.load` / `np.savez` / `np.savez_compressed` on the same files.
enum FileWorkloads {
    /// For each bundle: the median time to read it (every array) and, unless `readOnly`, to
    /// write its arrays back stored, and deflated. Written files go next to the bundle and are removed.
    static func run(bundles: [String], minTime: Double, readOnly: Bool) throws -> [Measurement] {
        var results: [Measurement] = []
        for path in bundles {
            let url = URL(fileURLWithPath: path)
            let name = url.lastPathComponent
            let scratch = url.deletingLastPathComponent().appendingPathComponent("bench-written-\(getpid()).npz")
            defer { try? FileManager.default.removeItem(at: scratch) }
            // Each result is dropped before the next read, as in a loop over np.load.
            let (read, readRuns) = try median(minTime: minTime, minRuns: 3) { _ = try NPZ.read(contentsOf: url) }
            let tensors = try NPZ.read(contentsOf: url)
            results.append(Measurement(name: "read \(name)", seconds: read, runs: readRuns, flops: nil))
            for compressed in [false, true] where !readOnly {
                let (write, runs) = try median(minTime: minTime, minRuns: compressed ? 2 : 3) {
                    try NPZ.write(tensors, to: scratch, compressed: compressed)
                }
                let how = compressed ? "deflated" : "stored"
                results.append(Measurement(name: "write \(how) \(name)", seconds: write, runs: runs, flops: nil))
            }
        }
        return results
    }
}
