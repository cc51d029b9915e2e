/// A classic mistake (spec §9) that can be recognised from the numbers: its name, a line
/// explaining it, the layers and tensors it shows in, and how to tell that a user's tensor
/// is the mistake's result.
public struct KnownMistake: Sendable {
    /// How a mistake shows in a tensor.
    enum Pattern: Sendable {
        /// The wrong tensor the mistake makes, from the library's own primitives; it fits
        /// when the user's tensor equals it within tolerance. Nil: not applicable here.
        case answer(@Sendable (MistakeContext) throws -> Tensor?)
        /// The wrong shape the mistake makes; it fits when the user's tensor has it.
        case shape(@Sendable (MistakeContext) -> [Int]?)
        /// A direct test of the user's tensor.
        case test(@Sendable (Tensor, MistakeContext) -> Bool)
    }

    /// Short, for headers: "unflipped kernel in backward".
    public let name: String
    /// One line on what happened and what is right.
    public let explanation: String
    let kinds: Set<LayerKind>
    let keys: Set<String>
    let pattern: Pattern

    /// Whether the user's tensor for `context.key` is what this mistake produces. A
    /// mistake that gives the right answer on this bundle cannot be told apart, so it
    /// never fits then.
    func fits(_ mine: Tensor, in context: MistakeContext) -> Bool {
        guard kinds.contains(context.spec.kind), keys.contains(context.key) else { return false }
        switch pattern {
        case .answer(let make):
            guard let wrong = try? make(context), !context.tolerance.accepts(wrong, as: context.expected) else {
                return false
            }
            return context.tolerance.accepts(mine, as: wrong)
        case .shape(let make):
            guard let shape = make(context), shape != context.expected.shape else { return false }
            return mine.shape == shape
        case .test(let test):
            return test(mine, context)
        }
    }
}

/// What a recogniser knows: the layer, the bundle, which tensor is being checked and the
/// library's value of it.
struct MistakeContext: Sendable {
    let spec: LayerSpec
    let bundle: [String: Tensor]
    let key: String
    let expected: Tensor
    let tolerance: Tolerance

    /// The checked tensor from the same run with some of the bundle's tensors replaced.
    func rerun(replacing changes: [String: Tensor]) throws -> Tensor? {
        try spec.run(on: bundle.merging(changes) { $1 })[key]
    }
}
