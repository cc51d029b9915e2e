import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal, through ncursesw. Only one can be open at a time.
///
/// Opening sets the C locale from the environment (except `LC_NUMERIC`), refuses anything that is not an
/// interactive terminal, and puts the terminal in cbreak/no-echo mode with keypad and
/// mouse-press reporting, a hidden cursor and a 25 ms Esc delay. `shutdown()` (also
/// run on exit, Ctrl-C, SIGTERM and crashes, see `TerminalRestorer`) restores it.
public final class NcursesBackend: TerminalBackend {
    public let capabilities: TerminalCapabilities
    private let screen: OpaquePointer
    private var pairs: NcursesColorPairs
    private var previous: Buffer?
    private var isShutDown = false

    /// Opens the terminal named by `TERM` on stdin/stdout.
    /// - Throws: `TerminalError` when stdin/stdout is not a terminal, `TERM` is unset
    ///   or `dumb`, or ncurses does not know `TERM`.
    public init() throws {
        setlocale(LC_ALL, "")
        // Keep "." as the decimal point: NumberFormat formats with printf.
        setlocale(LC_NUMERIC, "C")
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        let environment = ProcessEnvironment.current()
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            throw TerminalError.unsupportedTerminal(environment["TERM"])
        }
        guard let screen = newterm(nil, cs_stdout(), cs_stdin()) else { throw TerminalError.unknownTerminal(term) }
        self.screen = screen
        TerminalRestorer.activate()
        cbreak()
        noecho()
        nonl()
        keypad(cs_stdscr(), true)
        curs_set(0)
        set_escdelay(25)
        mousemask(
            cs_button1_pressed() | cs_button2_pressed() | cs_button3_pressed() | cs_button4_pressed()
                | cs_button5_pressed(), nil)
        // Report presses at once instead of waiting to tell clicks from double clicks.
        mouseinterval(0)
        var terminalDefaults = false
        if has_colors() {
            start_color()
            terminalDefaults = use_default_colors() == OK
        }
        capabilities = TerminalCapabilities.derive(
            environment: environment, codeset: String(cString: cs_codeset()),
            hasColors: has_colors(), colorCount: Int(cs_colors()))
        pairs = NcursesColorPairs(
            depth: capabilities.colorDepth, terminalDefaults: terminalDefaults, pairCount: Int(cs_color_pairs()))
    }

    deinit { shutdown() }

    public var size: Size {
        var rows: Int32 = 0
        var columns: Int32 = 0
        cs_getmaxyx(cs_stdscr(), &rows, &columns)
        return Size(width: Int(columns), height: Int(rows))
    }

    public func draw(_ buffer: Buffer) {
        guard !isShutDown else { return }
        let window = cs_stdscr()
        if previous?.size != buffer.size { werase(window) }
        let changes = buffer.diff(from: previous ?? Buffer(width: 0, height: 0))
        for change in changes {
            if let cell = displayable(change.cell) { put(cell, x: change.x, y: change.y, window: window) }
        }
        wrefresh(window)
        previous = buffer
    }

    /// Unrecognised keys, escape sequences and mouse actions are dropped and reported as no event.
    public func readEvent(timeoutMs: Int?) -> InputEvent? {
        guard case .event(let event) = read(timeoutMs: timeoutMs) else { return nil }
        return event
    }

    /// Waits for the first event, then takes everything already typed without waiting
    /// (at most `drainLimit` reads), dropping what `readEvent` drops.
    public func readEvents(timeoutMs: Int?) -> [InputEvent] {
        var events: [InputEvent] = []
        var read = read(timeoutMs: timeoutMs)
        for _ in 0..<Self.drainLimit {
            switch read {
            case .event(let event): events.append(event)
            case .ignored: break
            case .nothing: return events
            }
            read = self.read(timeoutMs: 0)
        }
        return events
    }

    /// The most reads one `readEvents` makes, so a terminal that never stops sending still gets frames.
    static let drainLimit = 4096

    /// One read: an event, input we drop, or nothing within the timeout.
    private enum Read {
        case event(InputEvent)
        case ignored
        case nothing
    }

    private func read(timeoutMs: Int?) -> Read {
        guard !isShutDown else { return .nothing }
        let window = cs_stdscr()
        wtimeout(window, Int32(clamping: timeoutMs ?? -1))
        var code: wint_t = 0
        let event: InputEvent?
        switch wget_wch(window, &code) {
        case KEY_CODE_YES:
            switch Int32(bitPattern: code) {
            case KEY_RESIZE: event = .resize(size)
            case KEY_MOUSE: event = mouseEvent()
            case let keyCode: event = NcursesKeys.key(forKeyCode: keyCode).map(InputEvent.key)
            }
        case OK where code == 0x1B:
            event = escape(window)
        case OK:
            event = NcursesKeys.key(forCharacter: code).map(InputEvent.key)
        default:
            return .nothing
        }
        return event.map(Read.event) ?? .ignored
    }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        TerminalRestorer.restore()
        delscreen(screen)
    }

    /// The cell as this terminal can draw it, `nil` if nothing needs drawing. Without
    /// UTF-8 each cell of a non-ASCII grapheme becomes `?`, so a wide grapheme keeps its
    /// two columns; with UTF-8 continuation cells are covered by their wide grapheme.
    private func displayable(_ cell: Cell) -> Cell? {
        if capabilities.unicode { return cell.isContinuation ? nil : cell }
        return cell.symbol.allSatisfy(\.isASCII) && !cell.isContinuation ? cell : Cell("?", style: cell.style)
    }

    private func put(_ cell: Cell, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
        // One spacing character plus combining marks, as many as a cchar_t holds.
        let scalars = cell.symbol.unicodeScalars.prefix(Int(CCHARW_MAX) - 1)
        let characters = scalars.map { wchar_t(bitPattern: $0.value) } + [0]
        let pair = pairs.pair(foreground: cell.style.foreground, background: cell.style.background)
        var complex = cchar_t()
        setcchar(&complex, characters, Self.attributes(cell.style.attributes), pair, nil)
        // Writing the bottom-right cell reports ERR (the cursor cannot advance) but draws.
        mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }

    private static func attributes(_ attributes: CellAttributes) -> attr_t {
        let table: [(CellAttributes, attr_t)] = [
            (.bold, cs_a_bold()), (.dim, cs_a_dim()), (.reverse, cs_a_reverse()),
            (.underline, cs_a_underline()), (.italic, cs_a_italic()),
        ]
        return table.reduce(attr_t(0)) { attributes.contains($1.0) ? $0 | $1.1 : $0 }
    }

    /// An Esc that ncurses matched to no key: the Esc key when nothing follows it, else
    /// what `EscapeInput` makes of the bytes after it (a mouse report, or a sequence or
    /// Alt+key to drop). ncurses has waited its Esc delay, so the rest of a sequence is
    /// already queued; later bytes get 50 ms. Bytes read past a sequence go back with `ungetch`.
    private func escape(_ window: UnsafeMutablePointer<WINDOW>?) -> InputEvent? {
        var bytes: [UInt8] = []
        while true {
            wtimeout(window, bytes.isEmpty ? 0 : 50)
            let next = wgetch(window)
            guard (0...255).contains(next) else {
                if next != ERR { ungetch(next) }
                // Nothing after the Esc: the key. A sequence cut short: dropped.
                return bytes.isEmpty ? .key(.escape) : nil
            }
            bytes.append(UInt8(next))
            switch EscapeInput.parse(bytes) {
            case .incomplete: continue
            case .mouse(let event): return event.map(InputEvent.mouse)
            case .ignored(let length):
                bytes[length...].reversed().forEach { ungetch(Int32($0)) }
                return nil
            }
        }
    }

    private func mouseEvent() -> InputEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let buttons: [(mmask_t, MouseEvent.Button)] = [
            (cs_button1_pressed(), .left), (cs_button2_pressed(), .middle), (cs_button3_pressed(), .right),
            (cs_button4_pressed(), .scrollUp), (cs_button5_pressed(), .scrollDown),
        ]
        guard let button = buttons.first(where: { event.bstate & $0.0 != 0 })?.1 else { return nil }
        return .mouse(MouseEvent(button: button, x: Int(event.x), y: Int(event.y)))
    }
}
