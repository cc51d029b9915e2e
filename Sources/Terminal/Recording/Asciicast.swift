import Foundation

/// A terminal recording in asciinema's asciicast v2 format: a JSON header line, then one
/// JSON array per event, `[time, code, data]`, with times in seconds from the start.
public struct Asciicast: Equatable, Sendable {
    /// What an event carries: output for the terminal, or a labelled marker that players
    /// list and seek to.
    public enum Code: String, Sendable {
        case output = "o"
        case marker = "m"
    }

    public struct Event: Equatable, Sendable {
        public var time: Double
        public var code: Code
        public var data: String

        public init(time: Double, code: Code, data: String) {
            self.time = time
            self.code = code
            self.data = data
        }

        /// The event's line in the file (no newline): `[time, "code", "data"]`.
        public var line: String {
            "[\(String(format: "%.6f", time)), \"\(code.rawValue)\", \(Asciicast.json(data))]"
        }
    }

    public var width: Int
    public var height: Int
    /// When the recording began, in Unix seconds.
    public var timestamp: Int
    public var title: String
    /// The environment the header declares; players read `TERM` from it.
    public var environment: [String: String]
    public var events: [Event] = []

    public init(
        width: Int, height: Int, timestamp: Int, title: String,
        environment: [String: String] = ["TERM": "xterm-256color"]
    ) {
        self.width = width
        self.height = height
        self.timestamp = timestamp
        self.title = title
        self.environment = environment
    }

    /// The file's text: header and events, one JSON value per line, with a final newline.
    public func encoded() -> String {
        ([headerLine()] + events.map(\.line)).joined(separator: "\n") + "\n"
    }

    /// The first line of the file (no newline): version, size, timestamp, title, env.
    public func headerLine() -> String {
        let env = environment.sorted { $0.key < $1.key }
            .map { "\(Self.json($0.key)): \(Self.json($0.value))" }.joined(separator: ", ")
        return "{\"version\": 2, \"width\": \(width), \"height\": \(height), \"timestamp\": \(timestamp), "
            + "\"title\": \(Self.json(title)), \"env\": {\(env)}}"
    }

    /// `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    static func json(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case _ where scalar.value < 0x20:
                literal += String(format: "\\u%04x", scalar.value)
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}
