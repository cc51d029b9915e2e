import ConvScopeCore
import Testing

/// Whether two numbers agree to `tolerance` relative to the larger magnitude (and at least 1).
public func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

/// Expects two tensors to have the same shape and to differ by at most `tolerance` anywhere.
public func expectClose(
    _ actual: Tensor, _ expected: Tensor, tolerance: Double, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.shape == expected.shape else {
        Issue.record("\(what): shape \(actual.shape), expected \(expected.shape)", sourceLocation: sourceLocation)
        return
    }
    let error = actual.maxAbsDifference(expected)
    #expect(error <= tolerance, "\(what): max |error| \(error) exceeds \(tolerance)", sourceLocation: sourceLocation)
}

/// Expects two numbers to agree to `tolerance` relative to the larger magnitude (and at least 1).
public func expectRelativelyClose(
    _ actual: Double, _ expected: Double, tolerance: Double, _ what: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        isClose(actual, expected, tolerance: tolerance), "\(what): \(actual) vs \(expected)",
        sourceLocation: sourceLocation)
}
