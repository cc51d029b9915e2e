/// The order results are reported in: Z, dLdA, dLdW, dLdb, then any other key by name.
public enum ResultOrder {
    static let leading = ["Z", "dLdA", "dLdW", "dLdb"]

    public static func sorted(_ keys: some Collection<String>) -> [String] {
        keys.sorted {
            (leading.firstIndex(of: $0) ?? leading.count, $0) < (leading.firstIndex(of: $1) ?? leading.count, $1)
        }
    }
}
