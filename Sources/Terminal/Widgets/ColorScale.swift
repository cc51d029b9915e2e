/// Maps numbers to colours for heat maps and legends: a range of values is normalised
/// to 0...1 and looked up in a gradient of evenly spaced RGB stops.
public struct ColorScale: Hashable, Sendable {
    /// Gradient stops from the low end to the high end (at least one).
    public var stops: [RGB]
    /// Shown for NaN (and infinities have their end's colour).
    public var invalid: TermColor

    public init(stops: [RGB], invalid: TermColor = .magenta) {
        precondition(!stops.isEmpty, "a colour scale needs at least one stop")
        self.stops = stops
        self.invalid = invalid
    }

    /// Black through red and yellow to white: magnitudes such as activations.
    public static let heat = ColorScale(stops: [RGB(0, 0, 0), RGB(170, 0, 0), RGB(255, 140, 0), RGB(255, 255, 90), RGB(255, 255, 255)])
    /// Black to white.
    public static let grayscale = ColorScale(stops: [RGB(0, 0, 0), RGB(255, 255, 255)])

    /// The colour at position `t` (clamped to 0...1) of the gradient.
    public func color(at t: Double) -> RGB {
        let t = min(max(t, 0), 1)
        guard stops.count > 1 else { return stops[0] }
        let position = t * Double(stops.count - 1)
        let lower = min(Int(position), stops.count - 2)
        return stops[lower].mixed(with: stops[lower + 1], position - Double(lower))
    }

    /// The colour of `value` within `range`; `invalid` for NaN.
    public func color(of value: Double, in range: ClosedRange<Double>) -> TermColor {
        ColorScale.position(of: value, in: range).map { .rgb(color(at: $0)) } ?? invalid
    }

    /// Where `value` lies in `range`, clamped to 0...1; 0.5 for an empty range, `nil` for NaN.
    public static func position(of value: Double, in range: ClosedRange<Double>) -> Double? {
        guard !value.isNaN else { return nil }
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return 0.5 }
        return min(max((value - range.lowerBound) / span, 0), 1)
    }
}
