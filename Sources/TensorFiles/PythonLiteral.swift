/// The subset of Python literal syntax that `.npy` headers use (what NumPy reads with
/// `ast.literal_eval`): dicts, tuples, lists, quoted strings, integers, True/False/None.
/// Parsing never evaluates anything and fails with a position instead of trapping.
indirect enum PythonLiteral {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case none
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    case dict([(key: PythonLiteral, value: PythonLiteral)])

    /// Why a header is not a literal, and at which byte offset.
    struct SyntaxError: Error, Equatable {
        let reason: String
        let offset: Int
    }

    /// Parses exactly one literal, allowing surrounding whitespace.
    static func parse(_ bytes: [UInt8]) throws(SyntaxError) -> PythonLiteral {
        var parser = Parser(bytes: bytes)
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.error("unexpected text after the literal") }
        return value
    }
}

private struct Parser {
    /// Nesting deeper than this is refused so hostile headers cannot exhaust the stack.
    static let maxDepth = 16

    let bytes: [UInt8]
    var position = 0

    func error(_ reason: String) -> PythonLiteral.SyntaxError {
        PythonLiteral.SyntaxError(reason: reason, offset: position)
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func skipWhitespace() {
        while let byte = current,
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        {
            position += 1
        }
    }

    mutating func value(depth: Int) throws(PythonLiteral.SyntaxError) -> PythonLiteral {
        guard depth < Parser.maxDepth else { throw error("nesting is too deep") }
        skipWhitespace()
        switch current {
        case UInt8(ascii: "{"):
            let items = try sequence(closing: "}", depth: depth) {
                (parser: inout Parser) throws(PythonLiteral.SyntaxError) in
                let key = try parser.value(depth: depth + 1)
                parser.skipWhitespace()
                guard parser.current == UInt8(ascii: ":") else { throw parser.error("expected ':' after a dict key") }
                parser.position += 1
                return (key: key, value: try parser.value(depth: depth + 1))
            }
            return .dict(items.elements)
        case UInt8(ascii: "("):
            let items = try sequence(closing: ")", depth: depth) {
                (parser: inout Parser) throws(PythonLiteral.SyntaxError) in
                try parser.value(depth: depth + 1)
            }
            // `(x)` is just x in Python; only `(x,)` and `()` are tuples.
            if items.elements.count == 1 && !items.trailingComma { return items.elements[0] }
            return .tuple(items.elements)
        case UInt8(ascii: "["):
            let items = try sequence(closing: "]", depth: depth) {
                (parser: inout Parser) throws(PythonLiteral.SyntaxError) in
                try parser.value(depth: depth + 1)
            }
            return .list(items.elements)
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return .string(try string())
        case .some(let byte) where byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || isDigit(byte):
            return .integer(try integer())
        case .some(let byte) where isLetter(byte):
            switch word() {
            case "True": return .bool(true)
            case "False": return .bool(false)
            case "None": return .none
            case let other: throw error("unknown name '\(other)'")
            }
        case .some:
            throw error("unexpected character")
        case nil:
            throw error("unexpected end of header")
        }
    }

    /// Comma-separated items up to `closing`; the opening bracket is at `position`.
    mutating func sequence<Item>(
        closing: Unicode.Scalar, depth: Int,
        item: (inout Parser) throws(PythonLiteral.SyntaxError) -> Item
    ) throws(PythonLiteral.SyntaxError) -> (elements: [Item], trailingComma: Bool) {
        position += 1
        var elements: [Item] = []
        var trailingComma = false
        while true {
            skipWhitespace()
            if current == UInt8(ascii: closing) {
                position += 1
                return (elements, trailingComma)
            }
            if !elements.isEmpty && !trailingComma {
                throw error("expected ',' or '\(closing)'")
            }
            elements.append(try item(&self))
            skipWhitespace()
            trailingComma = current == UInt8(ascii: ",")
            if trailingComma { position += 1 }
        }
    }

    /// A quoted string without escape sequences (NumPy never writes any).
    mutating func string() throws(PythonLiteral.SyntaxError) -> String {
        guard let quote = current else { throw error("expected a string") }
        let start = position + 1
        guard let end = bytes[start...].firstIndex(of: quote) else { throw error("unterminated string") }
        let content = bytes[start..<end]
        if content.contains(UInt8(ascii: "\\")) { throw error("escape sequences in strings are not supported") }
        position = end + 1
        return String(decoding: content, as: UTF8.self)
    }

    mutating func integer() throws(PythonLiteral.SyntaxError) -> Int {
        let negative = current == UInt8(ascii: "-")
        if current == UInt8(ascii: "-") || current == UInt8(ascii: "+") { position += 1 }
        guard let first = current, isDigit(first) else { throw error("expected digits") }
        var value = 0
        while let byte = current, isDigit(byte) {
            let digit = Int(byte - UInt8(ascii: "0"))
            let (scaled, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = scaled.addingReportingOverflow(negative ? -digit : digit)
            guard !overflow1 && !overflow2 else { throw error("integer is too large") }
            value = next
            position += 1
        }
        return value
    }

    mutating func word() -> String {
        let start = position
        while let byte = current, isLetter(byte) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }
}
