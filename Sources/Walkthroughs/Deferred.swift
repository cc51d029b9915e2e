import Foundation

/// A value made on first use and kept: how a walkthrough, a value type, puts off work a
/// screen may never ask for (a backward pass, a tensor's number extent) and still does it
/// at most once. Copies of the walkthrough share the box; since `make` is a pure function
/// of values fixed at creation, which copy asks first makes no difference to anyone.
final class Deferred<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var make: (() -> Value)?
    private var made: Value?

    init(_ make: @escaping () -> Value) {
        self.make = make
    }

    /// Already made: nothing left to put off.
    init(made value: Value) {
        made = value
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make!()
        made = value
        make = nil
        return value
    }
}
