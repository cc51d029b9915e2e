import Foundation
import Testing

/// `convscope view … --mytorch DIR` in a real terminal: the screen opens at the first cell
/// where the user's class differs, and `x` / `X` step between the differing cells.
@Suite(.serialized) struct CheckViewTests {
    @Test func viewOpensAtTheFirstWrongCell() async throws {
        let tmux = try TmuxSession(width: 120, height: 40)
        defer { tmux.kill() }
        // The nan fixture's Flatten leaves a NaN at Z[0,1] only: forward step 2 of 120.
        try tmux.launch("view flatten --sample random-flatten --mytorch '\(CheckCommandTests.folder("nan"))'")
        let screen = try await tmux.wait(for: "step 2/120")
        #expect(screen.contains("Z[0,1]: yours NaN ≠ library"), "\(screen)")
        try tmux.press("X")
        try await tmux.wait(for: "step 2/120")
        try await tmux.quitAndExpectRestored()
        // The no-flip fixture is right forward, wrong in dLdA from its first element on.
        try tmux.launch("view conv1d --sample random-conv1d --mytorch '\(CheckCommandTests.folder("no-flip"))'")
        let walk = try await tmux.wait(for: "dLdA: one input element at a time")
        #expect(walk.contains("step 1/600") && walk.contains("yours: unflipped kernel in backward"), "\(walk)")
        try tmux.press("x")
        try await tmux.wait(for: "step 2/600")
        try await tmux.quitAndExpectRestored()
    }
}
