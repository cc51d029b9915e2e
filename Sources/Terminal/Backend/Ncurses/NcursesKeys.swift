import CNcursesw

/// Translation of what `wget_wch` returns into `Key`s.
enum NcursesKeys {
    /// The key for a character code (`wget_wch` returned `OK`); `nil` for codes with no meaning here.
    static func key(forCharacter code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(code) + 96)))
        case 0..<32: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// The key for a function-key code (`wget_wch` returned `KEY_CODE_YES`), except
    /// `KEY_MOUSE` and `KEY_RESIZE` which are events of their own.
    static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        default:
            return (1...12).first { cs_key_f(Int32($0)) == code }.map { .function($0) }
        }
    }
}
