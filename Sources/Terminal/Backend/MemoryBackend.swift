/// A backend that keeps frames in memory and replays scripted input, for tests of
/// screens and event handling.
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: Size
    public let capabilities: TerminalCapabilities
    /// Every buffer drawn, oldest first.
    public private(set) var frames: [Buffer] = []
    /// The cells the latest `draw` changed (all of them for the first frame or after a resize).
    public private(set) var lastChanges: [CellChange] = []
    /// Events `readEvent` will return, first first.
    public var pendingEvents: [InputEvent]
    /// Whether every pending event has already arrived when the app reads, as keys typed
    /// or held during a slow frame: `readEvents` then returns them all at once. Otherwise
    /// (the default) each arrives alone, as keys typed one frame apart.
    public var arrivesAtOnce = false
    /// How often `shutdown` was called.
    public private(set) var shutdownCount = 0

    public init(size: Size, capabilities: TerminalCapabilities = .full, events: [InputEvent] = []) {
        self.size = size
        self.capabilities = capabilities
        self.pendingEvents = events
    }

    public func draw(_ buffer: Buffer) {
        lastChanges = buffer.diff(from: frames.last ?? Buffer(width: 0, height: 0))
        frames.append(buffer)
    }

    /// Returns the next scripted event immediately, `nil` when the script is exhausted.
    public func readEvent(timeoutMs: Int?) -> InputEvent? {
        pendingEvents.isEmpty ? nil : pendingEvents.removeFirst()
    }

    public func readEvents(timeoutMs: Int?) -> [InputEvent] {
        guard arrivesAtOnce else { return readEvent(timeoutMs: timeoutMs).map { [$0] } ?? [] }
        defer { pendingEvents.removeAll() }
        return pendingEvents
    }

    public func shutdown() { shutdownCount += 1 }

    /// Changes the size and queues the `.resize` event a terminal would deliver.
    public func resize(to newSize: Size) {
        size = newSize
        pendingEvents.append(.resize(newSize))
    }
}
