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
    public static let heat = ColorScale(stops: [
        RGB(0, 0, 0), RGB(170, 0, 0), RGB(255, 140, 0), RGB(255, 255, 90), RGB(255, 255, 255),
    ])
    /// Light blue through blue, a dark neutral grey at the middle and red to light orange:
    /// signed values (edge responses, gradients) spread symmetrically about zero, so zero is
    /// the neutral middle and the hue says the sign (blue and red on 8 colours, zero black).
    public static let diverging = ColorScale(stops: [
        RGB(120, 190, 255), RGB(20, 90, 220), RGB(48, 48, 48),
        RGB(210, 30, 30), RGB(255, 190, 110),
    ])
    /// Black to white.
    public static let grayscale = ColorScale(stops: [RGB(0, 0, 0), RGB(255, 255, 255)])

    /// The scale for values spanning `range` and the range to spread it over: `diverging` on
    /// a range symmetric about zero when any value is negative, the sequential `heat` on
    /// `range` itself otherwise.
    public static func forValues(in range: ClosedRange<Double>) -> (scale: ColorScale, range: ClosedRange<Double>) {
        guard range.lowerBound < 0 else { return (.heat, range) }
        let magnitude = max(-range.lowerBound, abs(range.upperBound))
        return (.diverging, -magnitude...magnitude)
    }

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
