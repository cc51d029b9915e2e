/// A key and what it does, as shown by `KeyHintBar` and `HelpOverlay`.
public struct KeyBinding: Hashable, Sendable {
    /// How the key is written for the user, e.g. `q`, `←/→`, `PgUp`.
    public var key: String
    public var action: String

    public init(_ key: String, _ action: String) {
        self.key = key
        self.action = action
    }
}
