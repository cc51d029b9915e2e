/// The narrow interface between screens and a terminal, so screens can be tested
/// against `MemoryBackend` and run on `NcursesBackend`.
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// What the terminal can show; draw with matching `Glyphs` and `HeatmapMode`.
    var capabilities: TerminalCapabilities { get }
    /// Shows `buffer`, sending only the cells that changed since the previous frame.
    func draw(_ buffer: Buffer)
    /// The next event, waiting at most `timeoutMs` milliseconds (`nil` waits forever);
    /// `nil` when none arrived in time.
    func readEvent(timeoutMs: Int?) -> InputEvent?
    /// Every event that has arrived: waits at most `timeoutMs` milliseconds for the first
    /// (`nil` waits forever), then takes what is already queued without waiting, oldest
    /// first, so the app can handle a burst of keys with one frame; empty when none came in time.
    func readEvents(timeoutMs: Int?) -> [InputEvent]
    /// Restores the terminal. Safe to call more than once.
    func shutdown()
}

extension TerminalBackend {
    /// One event at a time, for backends that cannot tell what is already queued.
    public func readEvents(timeoutMs: Int?) -> [InputEvent] {
        readEvent(timeoutMs: timeoutMs).map { [$0] } ?? []
    }

    /// A blank buffer of the current size.
    public func makeBuffer() -> Buffer { Buffer(size: size) }

    /// The glyphs this terminal can show.
    public var glyphs: Glyphs { Glyphs(capabilities) }
}
