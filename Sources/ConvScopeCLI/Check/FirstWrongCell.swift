import ConvScopeApp
import ConvScopeCore
import Walkthroughs

extension AppModel {
    /// Opens the first cell where the user's answer differs: the first differing tensor in
    /// the order Z, dLdA, dLdW, dLdb, on the scene whose map shows the library's value of it
    /// (for a transposed convolution, the convolution stage). Unchanged when nothing differs
    /// cell by cell (all match, or only shapes differ).
    mutating func openFirstWrongCell(of check: AnswerCheck) {
        let phases: [String: Pass] = ["Z": .forward, "dLdA": .dLdA, "dLdW": .dLdW, "dLdb": .dLdb]
        for tensor in check.tensors {
            guard let first = tensor.mismatches.first, let phase = phases[tensor.key] else { continue }
            guard
                let index = scenes.firstIndex(where: {
                    $0.phases.contains(phase) && check.tolerance.accepts($0.target(phase), as: tensor.expected)
                })
            else { continue }
            sceneIndex = index
            if phase != self.phase { switchPhase(to: phase) }
            step = first
            return
        }
    }
}
