/// Which pass a walk or screen shows, and for the backward pass which gradient it makes.
/// The raw values are the passes' names (`dLdA-taught` for the taught route).
public enum Pass: String, CaseIterable, Sendable {
    /// Z one output element at a time.
    case forward
    /// dL/dA one input element at a time, through its influence on every output.
    case dLdA
    /// The same dL/dA the way the assignment computes it: scatter, pad, flipped kernel, crop.
    case taught = "dLdA-taught"
    case dLdW
    case dLdb

    /// The bundle key of the tensor the pass fills in: `Z`, `dLdA`, `dLdW` or `dLdb`.
    public var resultKey: String {
        switch self {
        case .forward: "Z"
        case .dLdA, .taught: "dLdA"
        case .dLdW: "dLdW"
        case .dLdb: "dLdb"
        }
    }

    /// Whether the pass walks over the input's gradient (both routes to dL/dA).
    public var isInputGradient: Bool { self == .dLdA || self == .taught }
}
