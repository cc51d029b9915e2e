import ConvScopeCore
import Walkthroughs

/// The user's own answer (`--expect`) laid over the screens, made once at start: for each
/// scene and phase whose map shows one of the checked tensors, that tensor's check and the
/// steps where the user's value differs.
public struct AnswerOverlay: Equatable {
    /// The check of one phase's map, with its mismatching steps as a set for marking.
    struct Checked: Equatable {
        let check: TensorCheck
        let differing: Set<Int>

        /// The same tensor checked with the same outcome.
        static func == (lhs: Checked, rhs: Checked) -> Bool {
            lhs.check.key == rhs.check.key && lhs.check.mismatches == rhs.check.mismatches
                && lhs.differing == rhs.differing
        }
    }

    /// Per scene, the checked maps by phase.
    let scenes: [[Pass: Checked]]
    /// All checked tensors, for the header when the current map is not one of them.
    let checks: [TensorCheck]

    /// Overlays are equal when they mark the same steps of the same tensors.
    public static func == (lhs: AnswerOverlay, rhs: AnswerOverlay) -> Bool {
        lhs.scenes == rhs.scenes && lhs.checks.map(\.key) == rhs.checks.map(\.key)
    }

    /// Attaches each check to the maps that show the library's value of that tensor (a
    /// transposed convolution's inner stages show other tensors and stay unchecked).
    public init(_ answer: AnswerCheck, scenes: [Scene]) {
        checks = answer.tensors
        self.scenes = scenes.map { scene in
            var byPhase: [Pass: Checked] = [:]
            for phase in scene.phases {
                guard let check = answer[phase.resultKey],
                    answer.tolerance.accepts(scene.target(phase), as: check.expected)
                else { continue }
                byPhase[phase] = Checked(check: check, differing: Set(check.mismatches))
            }
            return byPhase
        }
    }

    /// The check of the map that a scene's phase fills in, if the answer has that tensor.
    func checked(scene: Int, phase: Pass) -> Checked? {
        scenes.indices.contains(scene) ? scenes[scene][phase] : nil
    }

    /// The next (or previous) mismatching step after `step`, wrapping around; nil when none.
    func mismatch(from step: Int, forward: Bool, scene: Int, phase: Pass) -> Int? {
        guard let steps = checked(scene: scene, phase: phase)?.check.mismatches, !steps.isEmpty else { return nil }
        return forward ? steps.first { $0 > step } ?? steps.first : steps.last { $0 < step } ?? steps.last
    }
}
