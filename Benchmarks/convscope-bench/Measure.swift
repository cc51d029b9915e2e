import Foundation

/// One timed workload: the median of repeated runs (the machine is shared and noisy).
struct Measurement {
    let name: String
    let seconds: Double
    let runs: Int
    /// Floating-point operations per run, where a count makes sense.
    let flops: Double?

    var gflops: Double? { flops.map { $0 / seconds / 1e9 } }
}

/// Monotonic seconds.
func now() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds) / 1e9
}

/// Runs `body` once to warm up, then at least `minRuns` times and for at least
/// `minTime` seconds (at most `maxRuns` times), and returns the median time per run.
func median(minTime: Double, minRuns: Int = 5, maxRuns: Int = 2000, _ body: () throws -> Void) rethrows -> (Double, Int)
{
    try body()
    var times: [Double] = []
    let start = now()
    while times.count < minRuns || (now() - start < minTime && times.count < maxRuns) {
        let t0 = now()
        try body()
        times.append(now() - t0)
    }
    times.sort()
    let mid = times.count / 2
    return (times.count % 2 == 1 ? times[mid] : (times[mid - 1] + times[mid]) / 2, times.count)
}

/// `347 µs`, `12.3 ms`, `1.20 s`.
func formatSeconds(_ t: Double) -> String {
    t < 1e-3
        ? String(format: "%.0f µs", t * 1e6) : t < 1 ? String(format: "%.2f ms", t * 1e3) : String(format: "%.2f s", t)
}

/// Peak resident memory of this process so far, in MB.
func peakResidentMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}
