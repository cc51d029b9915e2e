/// The mouse reports xterm-compatible terminals send, decoded from the bytes after ESC:
/// X10 `[M b x y` (each byte 32 plus the value, coordinates from 1) and SGR `[<b;x;yM`
/// (`m` at the end for a release). ncurses decodes only the encoding its terminfo entry
/// names (`kmous`); a terminal sending the other one would otherwise be read as the Esc
/// key and quit the app, so `NcursesBackend` hands such bytes to this.
public enum MouseReport {
    public enum Parse: Equatable, Sendable {
        /// A prefix of a report: read more bytes.
        case incomplete
        /// Not a mouse report: the Esc key and other input.
        case notAReport
        /// A whole report: a press, or nil for what the app ignores (release, motion, other buttons).
        case report(MouseEvent?)
    }

    /// The longest SGR report accepted: `[<` and three numbers of up to five digits.
    static let longestSGR = 2 + 3 * 6

    /// What `bytes` (the input after ESC) holds.
    public static func parse(_ bytes: [UInt8]) -> Parse {
        guard let first = bytes.first else { return .incomplete }
        guard first == UInt8(ascii: "[") else { return .notAReport }
        guard bytes.count > 1 else { return .incomplete }
        switch bytes[1] {
        case UInt8(ascii: "M"):
            guard bytes.count >= 5 else { return .incomplete }
            let (code, x, y) = (Int(bytes[2]) - 32, Int(bytes[3]) - 33, Int(bytes[4]) - 33)
            guard code >= 0, x >= 0, y >= 0 else { return .notAReport }
            return .report(press(code: code, x: x, y: y))
        case UInt8(ascii: "<"):
            return sgr(bytes.dropFirst(2))
        default:
            return .notAReport
        }
    }

    /// `b;x;y` then `M` (press) or `m` (release).
    private static func sgr(_ body: ArraySlice<UInt8>) -> Parse {
        guard let end = body.firstIndex(where: { $0 == UInt8(ascii: "M") || $0 == UInt8(ascii: "m") }) else {
            let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
            let plausible = body.allSatisfy { $0 == UInt8(ascii: ";") || digits.contains($0) }
            return plausible && body.count <= longestSGR ? .incomplete : .notAReport
        }
        let numbers = body[..<end].split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
            .map { Int(String(decoding: $0, as: UTF8.self)) }
        guard numbers.count == 3, let code = numbers[0], let x = numbers[1], let y = numbers[2], x >= 1, y >= 1 else {
            return .notAReport
        }
        return .report(body[end] == UInt8(ascii: "M") ? press(code: code, x: x - 1, y: y - 1) : nil)
    }

    /// The press a button code stands for (low two bits the button, 64 the wheel); nil for
    /// motion (32) and the X10 release (button 3).
    private static func press(code: Int, x: Int, y: Int) -> MouseEvent? {
        guard code & 32 == 0 else { return nil }
        let buttons: [MouseEvent.Button?] =
            code & 64 == 0
            ? [.left, .middle, .right, nil]
            : [.scrollUp, .scrollDown, nil, nil]
        return buttons[code & 3].map { MouseEvent(button: $0, x: x, y: y) }
    }
}
