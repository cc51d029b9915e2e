/// What follows an Esc byte that ncurses matched to no key, decoded from the bytes after
/// it: a mouse report in the encoding ncurses was not set up for (`MouseReport`), an
/// escape sequence no key of ours uses (a CSI `ESC [ … final`, an SS3 `ESC O x` such as
/// keypad 5), or Alt held with a key (`ESC l`, `ESC é`). Only an Esc with nothing after
/// it within the Esc delay is the Esc key: a sequence must never read as Esc and quit.
public enum EscapeInput {
    public enum Parse: Equatable, Sendable {
        /// A prefix of a report or sequence: read more bytes.
        case incomplete
        /// A whole mouse press, or nil for a report the app ignores.
        case mouse(MouseEvent?)
        /// A whole sequence or Alt+key no key of ours uses, `length` bytes after the Esc:
        /// dropped, bytes after it are input of their own.
        case ignored(length: Int)
    }

    /// The longest CSI sequence waited for; longer runs of parameter bytes are dropped.
    static let longestCSI = 32

    /// What `bytes` (the input after ESC, at least one byte: none is the Esc key) holds.
    public static func parse(_ bytes: [UInt8]) -> Parse {
        guard let first = bytes.first else { return .incomplete }
        switch MouseReport.parse(bytes) {
        case .report(let event): return .mouse(event)
        case .incomplete: return .incomplete
        case .notAReport: break
        }
        switch first {
        case UInt8(ascii: "["):
            // Parameter and intermediate bytes 0x20–0x3F, then one final byte 0x40–0x7E.
            let body = bytes.dropFirst()
            if let end = body.firstIndex(where: { !(0x20...0x3F).contains($0) }) { return .ignored(length: end + 1) }
            return body.count < longestCSI ? .incomplete : .ignored(length: bytes.count)
        case UInt8(ascii: "O"):
            return bytes.count < 2 ? .incomplete : .ignored(length: 2)
        default:
            // Alt with a key: one character, all of its UTF-8 bytes.
            let length = 1 + utf8ContinuationCount(first)
            return bytes.count < length ? .incomplete : .ignored(length: length)
        }
    }

    /// How many continuation bytes follow a UTF-8 lead byte (0 for ASCII and stray bytes).
    private static func utf8ContinuationCount(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC0...0xDF: 1
        case 0xE0...0xEF: 2
        case 0xF0...0xF7: 3
        default: 0
        }
    }
}
