#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The environment variables that decide terminal behaviour, read with `getenv`.
public enum ProcessEnvironment {
    /// The variables capability derivation and backends look at.
    public static let relevantNames = ["NO_COLOR", "LC_ALL", "LC_CTYPE", "LANG", "TERM"]

    /// The current values of `relevantNames` that are set.
    public static func current() -> [String: String] {
        var values: [String: String] = [:]
        for name in relevantNames {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
