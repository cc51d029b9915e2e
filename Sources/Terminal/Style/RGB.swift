/// A 24-bit colour; used for heat-map scales and as the common ground for down-mapping.
public struct RGB: Hashable, Sendable, CustomStringConvertible {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// Linear interpolation towards `other`; `t` is clamped to 0...1.
    public func mixed(with other: RGB, _ t: Double) -> RGB {
        let t = min(max(t, 0), 1)
        func lerp(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
        }
        return RGB(lerp(red, other.red), lerp(green, other.green), lerp(blue, other.blue))
    }

    /// Squared distance in luma/chroma (Y, B−Y, R−Y) coordinates. Unlike plain RGB
    /// distance it keeps greys grey: mid grey is nearer white than yellow.
    func distanceSquared(to other: RGB) -> Double {
        let (y1, b1, r1) = lumaChroma
        let (y2, b2, r2) = other.lumaChroma
        return (y1 - y2) * (y1 - y2) + (b1 - b2) * (b1 - b2) + (r1 - r2) * (r1 - r2)
    }

    private var lumaChroma: (Double, Double, Double) {
        let r = Double(red)
        let g = Double(green)
        let b = Double(blue)
        let luma = 0.299 * r + 0.587 * g + 0.114 * b
        return (luma, b - luma, r - luma)
    }

    public var description: String { "rgb(\(red),\(green),\(blue))" }
}
