import ConvScopeCore
import Foundation
import TensorFiles
import Terminal
import Testing

@testable import ConvScopeApp

/// Issue 13 point 2: every demo scene, every shipped layer sample and every pass, drawn at
/// 80×24 and 120×40 (first, middle and last step), with no text running into a border or
/// off the screen. The rule, checked on the drawn cells:
/// - every panel lies inside the screen, and its title is drawn whole, with whole notes;
/// - in a text panel, the column just inside the right border is blank, or "…" (a line cut
///   at a word boundary), or the end of a line exactly as wide as the panel;
/// - outside panels, the last column of the screen is blank, or "…", or the end of a line
///   of the plan drawn whole.
@Suite struct NothingCutTests {
    @Test(arguments: [AppFixtures.small, AppFixtures.large])
    func demoScenesFit(size: Size) throws {
        let demo = try Demo.scenes()
        for scene in demo {
            #expect(Self.problems(scene, size: size).isEmpty, "\(scene.title): \(Self.problems(scene, size: size))")
        }
    }

    @Test(arguments: [AppFixtures.small, AppFixtures.large])
    func samplesFit(size: Size) throws {
        let samples = try Self.sampleScenes()
        #expect(samples.count >= 25, "every layer sample is read")
        for (name, scene) in samples {
            let problems = Self.problems(scene, size: size)
            #expect(problems.isEmpty, "\(name) at \(size.width)×\(size.height): \(problems.prefix(3))")
        }
    }

    /// The loop walk of every demo scene and layer sample that has one (issue 11).
    @Test(arguments: [AppFixtures.small, AppFixtures.large])
    func loopWalksFit(size: Size) throws {
        let scenes = try Demo.scenes().map { ($0.title, $0) } + Self.sampleScenes()
        var walked = 0
        for (name, scene) in scenes {
            let looped = try scene.showingLoops(true)
            guard looped.showsLoops else { continue }
            walked += 1
            let problems = Self.problems(looped, size: size)
            #expect(problems.isEmpty, "\(name) loop walk at \(size.width)×\(size.height): \(problems.prefix(3))")
        }
        #expect(walked >= 15, "every convolution, pooling and resampling scene has a loop walk")
    }

    @Test func theRuleCatchesATokenCutByABorder() {
        var panel = Panel(title: "terms", lines: [[Span(text: "0.25 ← W[0,0,1,2]·dLdZ[0,0,1,1]")]])
        panel.frame = Rect(x: 0, y: 0, width: 20, height: 3)
        var buffer = Buffer(size: Size(width: 30, height: 3))
        buffer.write("0.25 ← W[0,0,1,2]·dL", x: 1, y: 1, style: .plain, clip: Rect(x: 1, y: 1, width: 18, height: 1))
        #expect(!Self.panelProblems(panel, in: buffer).isEmpty, "a line clipped mid-token by the border is reported")
    }

    /// What breaks the rule on the screens of `scene`, each pass at its first, middle and last step.
    static func problems(_ scene: Scene, size: Size) -> [String] {
        var model = AppModel(scenes: [scene], size: size)
        var found: [String] = []
        for phase in scene.phases {
            model.phase = phase
            for step in Set([0, model.stepCount / 2, model.stepCount - 1]).sorted() {
                model.step = step
                found += problems(model).map { "\(phase) step \(step): \($0)" }
            }
        }
        return found
    }

    /// What breaks the rule on the model's screen.
    static func problems(_ model: AppModel) -> [String] {
        guard let plan = ScreenLayout(model: model).plan else { return [] }
        let buffer = model.render()
        let screen = Rect(size: model.size)
        var found: [String] = []
        for panel in plan.panels where panel.frame.width >= 4 && panel.frame.height >= 3 {
            if panel.frame.maxX > screen.maxX || panel.frame.maxY > screen.maxY {
                found.append("panel \(panel.title) runs off the screen")
            }
            found += panelProblems(panel, in: buffer)
        }
        let edge = screen.maxX - 1
        let wholeLines = Set((plan.header + plan.arithmetic + plan.status).map { $0.map(\.text).joined() })
        for y in 0..<screen.height where !plan.panels.contains(where: { $0.frame.contains(Point(x: edge, y: y)) }) {
            let symbol = buffer[x: edge, y: y]!.symbol
            let row = ScreenText(buffer: buffer).row(y).joined().trimmingCharacters(in: .whitespaces)
            if symbol != " " && symbol != "…" && !wholeLines.contains(row) {
                found.append("row \(y) runs off the screen: \(ScreenText(buffer: buffer).row(y).joined())")
            }
        }
        return found
    }

    /// A panel's title drawn whole, and its text lines ending inside the border.
    static func panelProblems(_ panel: Panel, in buffer: Buffer) -> [String] {
        var found: [String] = []
        if !panel.fullTitle.hasPrefix(panel.title) || panel.fullTitle.count > panel.frame.width - Panel.titleWidth("") {
            found.append("title \(panel.title) is cut to \"\(panel.fullTitle)\" in \(panel.frame.width) columns")
        }
        guard panel.map == nil else { return found }
        let inner = panel.inner
        let lines = AppModel.fitted(panel.lines, unbuilt: panel.unbuiltLines, height: inner.height)
        for (row, line) in lines.enumerated() where row < inner.height {
            let symbol = buffer[x: inner.maxX - 1, y: inner.y + row]!.symbol
            let exact = line.reduce(0) { $0 + $1.text.count } == inner.width
            if symbol != " " && symbol != "…" && !exact {
                found.append("\(panel.title) line \(row) runs into the border")
            }
        }
        return found
    }

    /// A scene for each shipped sample of a single layer, read from samples/ the way
    /// `--sample` reads it (the CNN batches open on the network screen instead).
    static func sampleScenes() throws -> [(String, Scene)] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("samples")
        struct Options: Decodable {
            var factor: Int?, kernel: Int?
            var stride: [Int]?, padding: [Int]?, dilation: [Int]?
        }
        struct Entry: Decodable {
            var name: String, file: String, layer: String
            var options: Options?
        }
        struct Index: Decodable { var samples: [Entry] }
        let index = try JSONDecoder().decode(
            Index.self, from: Data(contentsOf: folder.appendingPathComponent("index.json")))
        return try index.samples.flatMap { entry -> [(String, Scene)] in
            guard let kind = LayerKind(rawValue: entry.layer) else { return [] }
            let o = entry.options
            let spec = LayerSpec(
                kind: kind, factor: o?.factor, stride: o?.stride, padding: o?.padding,
                dilation: o?.dilation, kernel: o?.kernel)
            let tensors = try NPZ.read(contentsOf: folder.appendingPathComponent(entry.file))
            return try SceneFactory.scenes(for: spec, bundle: tensors).map { (entry.name, $0) }
        }
    }
}
