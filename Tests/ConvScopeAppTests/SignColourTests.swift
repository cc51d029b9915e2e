import Terminal
import Testing

@testable import ConvScopeApp

/// Heat maps show sign: signed maps (the influence example's edge responses, gradients) on
/// the diverging scale, non-negative maps on the sequential one, and the legends say which.
@Suite struct SignColourTests {
    /// The true colours painted inside `area` (a half block carries two).
    static func colours(in area: Rect, of buffer: Buffer) -> [RGB] {
        var found: [RGB] = []
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                let style = buffer[x: x, y: y]!.style
                for case .rgb(let colour) in [style.foreground, style.background] { found.append(colour) }
            }
        }
        return found
    }

    static func heatScreen(_ keys: [Key]) throws -> (ScreenText, Buffer) {
        var model = try AppFixtures.demo(size: AppFixtures.large)
        model.display = .heatmap
        model.press(keys)
        let buffer = model.render()
        return (ScreenText(buffer: buffer), buffer)
    }

    @Test func edgeResponsesAreBlueAndRedTheImageIsNot() throws {
        let (text, buffer) = try Self.heatScreen([.character("G")])
        let output = Self.colours(in: try #require(text.panel(titled: "Z[0,0]")), of: buffer)
        #expect(output.contains { $0.blue > $0.red } && output.contains { $0.red > $0.blue }, "\(output)")
        let input = Self.colours(in: try #require(text.panel(titled: "A[0,0]")), of: buffer)
        #expect(!input.isEmpty && !input.contains { $0.blue > $0.red }, "\(input)")
        #expect(text.find("A ≥ 0 0 ") != nil && text.find("Z signed -28 ") != nil)
    }

    @Test func gradientsDivergeAboutZero() throws {
        // The max-pooling scene's dL/dA pass: the demo's signed integer dL/dZ.
        let (text, buffer) = try Self.heatScreen(Key.repeated(.tab, 3) + [.character("b")])
        let upstream = Self.colours(in: try #require(text.panel(titled: "dLdZ[0,0]")), of: buffer)
        #expect(upstream.contains { $0.blue > $0.red } && upstream.contains { $0.red > $0.blue }, "\(upstream)")
    }
}
