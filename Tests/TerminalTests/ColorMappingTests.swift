import Terminal
import Testing

@Suite struct ColorMappingTests {
    @Test func pureRedAtEachDepth() {
        let red = TermColor.rgb(RGB(255, 0, 0))
        #expect(red.mapped(to: .twoFiftySix) == .indexed(196))
        #expect(red.mapped(to: .sixteen) == .ansi(9))
        #expect(red.mapped(to: .eight) == .ansi(1))
        #expect(red.mapped(to: .none) == .default)
    }

    @Test func midGreyUsesTheGreyRampAt256() {
        let grey = TermColor.rgb(RGB(128, 128, 128))
        #expect(grey.mapped(to: .twoFiftySix) == .indexed(244))
        #expect(grey.mapped(to: .sixteen) == .ansi(8))
        #expect(grey.mapped(to: .eight) == .ansi(7))
    }

    @Test func paletteColoursMapDown() {
        #expect(TermColor.indexed(196).mapped(to: .sixteen) == .ansi(9))
        #expect(TermColor.indexed(21).mapped(to: .twoFiftySix) == .indexed(21))
        #expect(TermColor.ansi(12).mapped(to: .eight) == .ansi(4))
        #expect(TermColor.ansi(12).mapped(to: .sixteen) == .ansi(12))
        #expect(TermColor.ansi(12).mapped(to: .twoFiftySix) == .ansi(12))
    }

    @Test func defaultStaysDefaultEverywhere() {
        for depth in ColorDepth.allCases {
            #expect(TermColor.default.mapped(to: depth) == .default)
        }
    }

    @Test func depthFromColourCount() {
        #expect(ColorDepth(colorCount: 0) == .none)
        #expect(ColorDepth(colorCount: 8) == .eight)
        #expect(ColorDepth(colorCount: 88) == .sixteen)
        #expect(ColorDepth(colorCount: 256) == .twoFiftySix)
        #expect(ColorDepth(colorCount: 16_777_216) == .twoFiftySix)
    }

    @Test func scaleInterpolatesBetweenStops() {
        let scale = ColorScale.grayscale
        #expect(scale.color(at: 0) == RGB(0, 0, 0))
        #expect(scale.color(at: 0.5) == RGB(128, 128, 128))
        #expect(scale.color(at: 7) == RGB(255, 255, 255))
        #expect(scale.color(of: .nan, in: 0...1) == scale.invalid)
        #expect(ColorScale.position(of: 3, in: 3...3) == 0.5)
    }

    @Test func signedValuesGetADivergingScaleSymmetricAboutZero() {
        let cases: [(ClosedRange<Double>, ColorScale, ClosedRange<Double>)] = [
            (-3...1, .diverging, -3...3), (-1...4, .diverging, -4...4), (0...5, .heat, 0...5), (2...5, .heat, 2...5),
        ]
        for (values, scale, range) in cases {
            let chosen = ColorScale.forValues(in: values)
            #expect(chosen.scale == scale && chosen.range == range, "\(values)")
        }
    }

    @Test func divergingZeroIsNeutralAndTheSignIsTheHue() {
        let (scale, range) = ColorScale.forValues(in: -2...1)
        let zero = scale.color(of: 0, in: range)
        let minus = scale.color(of: -1, in: range)
        let plus = scale.color(of: 1, in: range)
        #expect(zero == .rgb(RGB(48, 48, 48)))
        guard case .rgb(let m) = minus, case .rgb(let p) = plus else {
            Issue.record("not RGB: \(minus) \(plus)")
            return
        }
        #expect(m.blue > m.red && p.red > p.blue, "\(m) \(p)")
        // On 8 colours: blue, black and red; without colour nothing.
        #expect([minus, zero, plus].map { $0.mapped(to: .eight) } == [.ansi(4), .ansi(0), .ansi(1)])
        #expect(plus.mapped(to: .none) == .default)
        // Without colour the shade ramp puts zero at its middle.
        #expect(HeatmapMode.shade(at: ColorScale.position(of: 0, in: range)) == HeatmapMode.shadeRamp[5])
    }
}
