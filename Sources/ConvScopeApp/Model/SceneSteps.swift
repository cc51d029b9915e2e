import Walkthroughs

/// Where each pass of one scene stands, in each walk, so that switching passes or walks keeps
/// one's place: `element` counts output elements, `loop` the homework's loop iterations.
public struct SceneSteps: Equatable, ExpressibleByDictionaryLiteral {
    public var element: [Pass: Int] = [:]
    public var loop: [Pass: Int] = [:]

    public init(dictionaryLiteral elements: (Pass, Int)...) {
        element = Dictionary(elements, uniquingKeysWith: { $1 })
    }

    /// The element walk's step of `pass`.
    public subscript(pass: Pass) -> Int? {
        get { element[pass] }
        set { element[pass] = newValue }
    }

    /// The step of `pass` in the loop walk or the element walk.
    subscript(pass: Pass, loop inLoop: Bool) -> Int? {
        get { inLoop ? loop[pass] : element[pass] }
        set { if inLoop { loop[pass] = newValue } else { element[pass] = newValue } }
    }
}
