import ConvScopeCore

/// Scenes are equal when they show the same thing: the same title, sizes and problem, the
/// same phases, and bit for bit the same input and tensor in every phase (NaN equals NaN
/// here, so a scene equals itself). A network scene compares its whole state. The
/// walkthroughs themselves hold layers, which are not comparable.
extension Scene: Equatable {
    public static func == (lhs: Scene, rhs: Scene) -> Bool {
        guard lhs.title == rhs.title, lhs.recipe == rhs.recipe, lhs.problem == rhs.problem,
            lhs.inputName == rhs.inputName,
            lhs.phases == rhs.phases, lhs.showsLoops == rhs.showsLoops, lhs.loops == rhs.loops
        else { return false }
        switch (lhs.content, rhs.content) {
        case (.network(let a), .network(let b)):
            return a == b
        case (.network, _), (_, .network):
            return false
        default:
            return sameBits(lhs.input, rhs.input)
                && lhs.phases.allSatisfy { phase in
                    sameBits(lhs.target(phase), rhs.target(phase)) && lhs.stepShape(phase) == rhs.stepShape(phase)
                }
        }
    }

    /// Same shape and the same bit pattern in every element (at once when both share storage,
    /// as copies of one model do).
    private static func sameBits(_ a: Tensor, _ b: Tensor) -> Bool {
        guard a.shape == b.shape else { return false }
        let shared = a.scalars.withUnsafeBufferPointer { a in
            b.scalars.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress }
        }
        return shared || a.scalars.elementsEqual(b.scalars) { $0.bitPattern == $1.bitPattern }
    }
}
