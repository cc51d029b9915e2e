import ConvScopeCore

/// The one line a user reads for a library error, in the command line's own terms: option
/// names as typed (`--padding`), and how to save a bundle with NumPy. Nil for errors that
/// are not the library's (they keep their own reporting).
func libraryErrorLine(_ error: Error) -> String? {
    switch error {
    case let error as LayerError: error.message
    case let error as LayerSpecError: error.line
    case let error as AnswerCheckError: error.line
    default: nil
    }
}

extension LayerSpecError {
    var line: String {
        switch self {
        case .optionDoesNotApply(let option, let kind):
            let accepted = kind.descriptor.options.map { "--\($0.rawValue)" }.sorted().joined(separator: ", ")
            return "--\(option.rawValue) does not apply to \(kind.rawValue)"
                + (accepted.isEmpty ? "; it takes no options" : "; it takes \(accepted)")
        case .optionArity(let option, let kind, let pairAllowed, let values):
            return "--\(option.rawValue) for \(kind.rawValue) takes one number" + (pairAllowed ? " or an H,W pair" : "")
                + ", got \(values.map(String.init).joined(separator: ","))"
        case .optionTooSmall(let option, let least, let value):
            return "--\(option.rawValue) must be \(least == 0 ? "0 or more" : "at least \(least)"), got \(value)"
        case .optionTooLarge(let option, let most, let value):
            return "--\(option.rawValue) must be at most \(most), got \(value)"
        case .growthTooLarge(let option, let values, let input, let grown, let limit):
            let given = "--\(option.rawValue) \(values.map(String.init).joined(separator: ","))"
            return "\(given) would grow A \(input) to\(grown.map { " \($0)," } ?? "") more than \(limit) elements, "
                + "the most ConvScope makes; use a smaller --\(option.rawValue) or a smaller A"
        case .missingParameter(let key, let kind):
            let needed = kind.descriptor.parameterKeys.filter { $0 != "b" }.map { "'\($0)'" }.joined(separator: ", ")
            return "the bundle has no '\(key)': \(kind.rawValue) needs its parameters \(needed)"
                + (kind.descriptor.parameterKeys.contains("b") ? " (b is optional)" : "")
        case .missingInput:
            return "the bundle has no 'A': save the input as A, e.g. np.savez(path, A=x)"
        }
    }
}

extension AnswerCheckError {
    var line: String {
        switch self {
        case .empty(let checkable):
            "holds no tensors; save any of \(checkable.joined(separator: ", "))"
        case .noBackward(let key):
            "has \(key) but the bundle has no dLdZ, so there is no backward pass to check it against; "
                + "add the dLdZ you used"
        case .notProduced(let key, let kind, let checkable):
            "has '\(key)', which \(kind.rawValue) does not produce; it checks \(checkable.joined(separator: ", "))"
        }
    }
}
