import ConvScopeCore
import Walkthroughs

/// A scene's passes in the homework's own loops (`w`, `--walk loop`): one `LoopWalk` per pass
/// that has one, built from the scene's tensors when the loop walk is first asked for.
public struct LoopWalks {
    public let walks: [Pass: LoopWalk]

    /// The loop walks of every pass of `walk` that has one; nil for families without loops
    /// (activations, Linear, the scanning MLP, the CNN). The taught dL/dA route is the loop
    /// walk's dL/dA, so it has no walk of its own.
    init?(_ walk: any SceneWalk) throws {
        var walks: [Pass: LoopWalk] = [:]
        for pass in walk.phases where pass != .taught {
            if let loop = try walk.loopWalk(pass) { walks[pass] = loop }
        }
        guard !walks.isEmpty else { return nil }
        self.walks = walks
    }

    /// The passes with a loop walk, in the order the phase key cycles through them.
    public var phases: [Pass] { Pass.allCases.filter { walks[$0] != nil } }
}

/// Loop walks are equal when every pass has the same stages with bit for bit the same outputs.
extension LoopWalks: Equatable {
    public static func == (lhs: LoopWalks, rhs: LoopWalks) -> Bool {
        lhs.phases == rhs.phases
            && lhs.phases.allSatisfy { pass in
                let (a, b) = (lhs.walks[pass]!, rhs.walks[pass]!)
                return a.title == b.title && a.stages.count == b.stages.count
                    && zip(a.stages, b.stages).allSatisfy { x, y in
                        x.title == y.title && x.output.shape == y.output.shape
                            && x.output.scalars.elementsEqual(y.output.scalars) { $0.bitPattern == $1.bitPattern }
                    }
            }
    }
}
