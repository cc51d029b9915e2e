/// The steps per second playback really achieved at a speed: a big tensor's frames can
/// take longer than the speed's tick, so the header says both (issue 14 point 14).
public struct MeasuredRate: Equatable, Sendable {
    /// The speed (`AppModel.speed`) playing when it was measured.
    public var speed: Double
    public var stepsPerSecond: Double

    public init(speed: Double, stepsPerSecond: Double) {
        self.speed = speed
        self.stepsPerSecond = stepsPerSecond
    }
}

extension AppModel {
    /// The speed as the header shows it: `256/s`, or `256/s (actual 60/s)` when playback
    /// measured at this speed fell more than a tenth short of it.
    var playbackRate: String {
        let asked = Formatting.number(speed) + "/s"
        guard let measured = measuredRate, measured.speed == speed, measured.stepsPerSecond < 0.9 * speed else {
            return asked
        }
        // Whole steps, or tenths below 10 (a tenth of a step per second still shows).
        let tenths = Int((measured.stepsPerSecond * 10).rounded())
        let shown = tenths >= 100 ? "\((tenths + 5) / 10)" : "\(tenths / 10).\(tenths % 10)"
        return asked + " (actual \(shown)/s)"
    }
}
