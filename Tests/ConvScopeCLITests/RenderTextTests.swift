import Foundation
import Testing

/// `convscope render` as text for people and scripts: Unicode boxes in a UTF-8 locale, ASCII
/// with `--ascii` or in the C locale, no interactive key footer, and a key to every mark.
@Suite struct RenderTextTests {
    func render(_ arguments: [String], locale: String = "C.UTF-8") throws -> String {
        let result = try ConvscopeProcess.run(["render"] + arguments, environment: ["LC_ALL": locale])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// The last line that has text: where the key to the marks goes.
    func keyLine(_ screen: String) -> String {
        screen.components(separatedBy: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
    }

    @Test func unicodeBoxesInAUTF8LocaleAndNoKeyFooter() throws {
        let screen = try render(["maxpool2d", "--size", "80x24"])
        #expect(screen.contains("┌─ A[0,0] ") && screen.contains("│") && !screen.contains("+-"), "\(screen)")
        #expect(!screen.contains("q: quit") && !screen.contains("?: help"), "\(screen)")
    }

    @Test(arguments: [(["--ascii"], "C.UTF-8"), ([], "C"), ([], "POSIX")])
    func asciiOnRequestOrInTheCLocale(options: [String], locale: String) throws {
        let screen = try render(["maxpool2d", "--size", "80x24"] + options, locale: locale)
        #expect(screen.contains("+- A[0,0] ") && !screen.contains("┌") && !screen.contains("│"), "\(screen)")
    }

    @Test func theKeyNamesEveryMarkOfAPoolingWindow() throws {
        let screen = try render(["maxpool2d", "--size", "80x24", "--step", "3"])
        #expect(screen.contains("4*7^"), "\(screen)")
        let key = keyLine(screen)
        for entry in ["0* O window", "0^ M first maximum", "0< X current", "· pending"] {
            #expect(key.contains(entry), "\(entry) missing from: \(key)")
        }
    }

    @Test func dilationGapsAreNotDotsAndTheHeatMapKeyFollowsTheLegends() throws {
        let numbers = try render([
            "conv2d", "--dilation", "2", "--padding", "1", "--size", "80x24", "--display", "numbers",
        ])
        // A dot after a number would read as a decimal point.
        #expect(numbers.range(of: #"\d\.[ │]"#, options: .regularExpression) == nil, "\(numbers)")
        #expect(keyLine(numbers).contains("0_ o dilation gap"), "\(keyLine(numbers))")
        let heat = try render([
            "conv2d", "--dilation", "2", "--padding", "1", "--size", "80x24", "--display", "heatmap",
        ])
        let lines = heat.components(separatedBy: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(lines.dropLast().last?.hasPrefix("A ") == true, "the legends are not above the key:\n\(heat)")
        for entry in ["0* O window tap", "0_ o dilation gap", ". zero padding", "0< X current"] {
            #expect(keyLine(heat).contains(entry), "\(entry) missing from: \(keyLine(heat))")
        }
    }
}
