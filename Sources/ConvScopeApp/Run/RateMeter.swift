/// Counts the animation ticks the runner performs while playing and gives the steps per
/// second achieved over each window of about a second; starts over when playback stops
/// or changes speed, so a figure always belongs to one speed.
struct RateMeter {
    /// Seconds of ticks in one measurement.
    static let window = 1.0
    private var start: Double?
    private var speed = 0.0
    private var ticks = 0

    /// Records `ticks` ticks performed by `time` (seconds on any monotonic clock) at `speed`;
    /// returns the achieved rate when a window is complete.
    mutating func record(ticks: Int, playing: Bool, speed: Double, at time: Double) -> Double? {
        guard playing else {
            start = nil
            return nil
        }
        guard let start, speed == self.speed else {
            (self.start, self.speed, self.ticks) = (time, speed, 0)
            return nil
        }
        self.ticks += ticks
        let elapsed = time - start
        guard elapsed >= Self.window else { return nil }
        defer { (self.start, self.ticks) = (time, 0) }
        return Double(self.ticks) / elapsed
    }
}
