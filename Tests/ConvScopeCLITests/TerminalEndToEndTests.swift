import Foundation
import Testing

/// The real binary in a real terminal (tmux): keys reach the app, the screen shows what
/// they ask for, and every way out leaves the terminal as it was. Serialized so that a
/// busy two-core machine still answers within the polling timeouts.
@Suite(.serialized) struct TerminalEndToEndTests {
    @Test func demoKeysThenQuitRestoresTheTerminal() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try await tmux.openDemo()
        try tmux.press("Right", "Right", "Right")
        try await tmux.wait(for: "step 4/32")
        try tmux.press("?")
        try await tmux.wait(for: "ConvScope keys")
        try tmux.press("x")
        try await tmux.wait("the help to close") { !$0.contains("ConvScope keys") && $0.contains("step 4/32") }
        // Step 4 is (0, 0, 0, 3); the next channel keeps the cell: (0, 1, 0, 3), step 16 + 3 + 1.
        try tmux.press("c")
        try await tmux.wait(for: "step 20/32")
        let numbers = "0 9 9 9 0 0"
        #expect(try tmux.screen().contains(numbers))
        try tmux.press("v")
        try await tmux.wait("the heat map") { !$0.contains(numbers) && $0.contains("step 20/32") }
        try await tmux.quitAndExpectRestored()
    }

    @Test func backwardPassKeysThenQuitRestoresTheTerminal() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try await tmux.openDemo()
        try tmux.press("Right", "Right", "Right")
        try await tmux.wait(for: "step 4/32")
        // Output (0, 0, 0, 3) of the 6×6 influence map first reads A[0,0,0,3]; dL/dA has 36 elements.
        try tmux.press("b")
        let walk = try await tmux.wait(for: "dLdA[0,0,0,3] = ")
        #expect(walk.contains("step 4/36") && walk.contains("backward · dLdA: one input element at a time"), "\(walk)")
        try tmux.press("Right", "Right")
        try await tmux.wait(for: "dLdA[0,0,0,5] = ")
        // The taught view of the same element; without padding it is dLdA_pad's own element.
        try tmux.press("b")
        let taught = try await tmux.wait(for: "dLdA[0,0,0,5] = dLdA_pad[0,0,0,5]")
        #expect(taught.contains("step 6/36") && taught.contains("backward · dLdA as taught"), "\(taught)")
        try await tmux.quitAndExpectRestored()
    }

    /// Issue 11: `w` turns the demo's first scene into the homework's loop and back.
    @Test func wTogglesTheLoopWalk() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try await tmux.openDemo()
        try tmux.press("w")
        let loop = try await tmux.wait(for: "2 loops, H_out·W_out = 16 iterations")
        #expect(loop.contains("step 1/16") && loop.contains("np.tensordot(A[:, :, i:i+K, j:j+K], W"), "\(loop)")
        try tmux.press("Right", "Right")
        try await tmux.wait(for: "i = 0, j = 2 · A[:, :, 0:3, 2:5] → Z[:, :, 0, 2]")
        try tmux.press("w")
        try await tmux.wait("the element walk") { $0.contains("step 1/32") && !$0.contains("loop walk") }
        try await tmux.quitAndExpectRestored()
    }

    @Test func cnnTakesThreeSGDStepsThenQuits() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try tmux.launch("cnn")
        try await tmux.wait(for: "after 0 SGD steps")
        try tmux.press("s", "s", "s")
        try await tmux.wait(for: "after 3 SGD steps")
        try await tmux.quitAndExpectRestored()
    }

    @Test func resizingBelowTheMinimumAndBack() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try await tmux.openDemo()
        try tmux.resize(width: 40, height: 10)
        try await tmux.wait(for: "too small")
        try tmux.resize(width: 80, height: 24)
        try await tmux.wait("the screen back") { $0.contains("step 1/32") && !$0.contains("too small") }
        try await tmux.quitAndExpectRestored()
    }

    /// Under both terminfo entries (`screen` names X10 reports, `xterm-256color` SGR ones)
    /// a click in either encoding selects the cell, and only presses are asked for: no
    /// motion modes (1002, 1003), which flood the input on every mouse move.
    @Test(arguments: ["screen", "xterm-256color"], TmuxSession.MouseEncoding.allCases)
    func clickingAnOutputCellJumpsToItsStep(term: String, encoding: TmuxSession.MouseEncoding) async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try await tmux.openDemo(environment: "TERM=\(term)")
        let modes = try tmux.tmux(
            "display-message", "-p", "-t", tmux.target,
            "#{mouse_standard_flag} #{mouse_button_flag} #{mouse_all_flag} #{mouse_sgr_flag}")
        #expect(modes.trimmingCharacters(in: .whitespacesAndNewlines) == "1 0 0 \(term == "screen" ? 0 : 1)")
        // Output map Z[0,0] is 4×4; its cell (1, 2) is step 1·4 + 2, shown as step 7.
        // A capture taken mid-draw may lack the map, so wait until its row 1 shows four words.
        let drawn = try await tmux.wait("the output map Z[0,0]") { Self.outputMapRow(in: $0) != nil }
        let (top, starts) = try #require(Self.outputMapRow(in: drawn))
        try tmux.click(x: starts[2], y: top + 2, encoding: encoding)
        try await tmux.wait(for: "step 7/32")
        try tmux.click(x: starts[1], y: top + 1, encoding: encoding)
        try await tmux.wait(for: "step 2/32")
        try tmux.press("q")
        #expect(try await tmux.exitStatus() == 0)
    }

    /// Where map Z[0,0] sits in a captured screen: the row of its title and the columns where
    /// the four words of its row 1 start; nil unless the whole map row is drawn.
    private static func outputMapRow(in screen: String) -> (top: Int, starts: [Int])? {
        let lines = screen.components(separatedBy: "\n").map(Array.init)
        let title = Array("┌─ Z[0,0]")
        for top in lines.indices where top + 2 < lines.count && lines[top].count >= title.count {
            guard
                let left = (0...(lines[top].count - title.count)).first(where: {
                    Array(lines[top][$0..<($0 + title.count)]) == title
                })
            else { continue }
            let row = lines[top + 2]
            guard left + 1 < row.count else { return nil }
            let right = (left + 1..<row.count).first { row[$0] == "│" } ?? row.count
            let starts = (left + 1..<right).filter { row[$0] != " " && (row[$0 - 1] == " " || $0 == left + 1) }
            return starts.count == 4 ? (top, starts) : nil
        }
        return nil
    }

    @Test func ctrlCRestoresTheTerminal() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try tmux.launch("demo")
        try await tmux.wait(for: "ConvScope 1/")
        try tmux.press("C-c")
        #expect(try await tmux.exitStatus() == 130)
        try await tmux.expectRestored()
    }

    @Test func viewWithStdoutPipedRefusesAndPointsToRender() async throws {
        let tmux = try TmuxSession()
        defer { tmux.kill() }
        try tmux.type("'\(ConvscopeProcess.binary.path)' view conv2d | cat; echo rc=${PIPESTATUS[0]}")
        let status = try await tmux.exitStatus()
        #expect(status != 0)
        let screen = try tmux.screen()
        #expect(screen.contains("render"), "\(screen)")
        let flags = try tmux.tmux("display-message", "-p", "-t", tmux.target, "#{alternate_on}")
        #expect(flags.hasPrefix("0"))
    }
}
