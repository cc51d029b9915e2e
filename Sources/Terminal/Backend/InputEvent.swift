/// A key as the application sees it, independent of terminal encodings.
public enum Key: Hashable, Sendable {
    /// A printable character.
    case character(Character)
    /// A control character typed with Ctrl, named by its letter: `.control("c")` is Ctrl-C.
    /// (With `NcursesBackend` Ctrl-C raises SIGINT instead; see `TerminalRestorer`.)
    case control(Character)
    case up, down, left, right
    case home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete, insert
    /// F1–F12.
    case function(Int)
}

/// A mouse button press at a cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Button: Hashable, Sendable { case left, middle, right, scrollUp, scrollDown }
    public var button: Button
    public var x: Int
    public var y: Int

    public init(button: Button, x: Int, y: Int) {
        self.button = button
        self.x = x
        self.y = y
    }
}

/// Something that happened at the terminal.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this size; redraw.
    case resize(Size)
}
