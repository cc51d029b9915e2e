import Terminal

/// Runs the app on a terminal: draw, wait for an event or the next animation tick,
/// update, repeat, until the user quits. The backend is restored on every way out.
public enum AppRunner {
    /// Runs until the user quits; `afterFrame` sees the model after each frame is drawn
    /// (recordings use it).
    public static func run(_ model: AppModel, on backend: TerminalBackend, afterFrame: (AppModel) -> Void = { _ in }) {
        var model = model
        model.size = backend.size
        model.capabilities = backend.capabilities
        defer { backend.shutdown() }
        while !model.wantsQuit {
            backend.draw(model.render())
            afterFrame(model)
            let event = backend.readEvent(timeoutMs: model.isPlaying ? model.tickInterval : nil)
            switch event {
            case .key(let key): model.update(.key(key))
            case .mouse(let mouse): model.update(.mouse(mouse))
            case .resize(let size): model.update(.resize(size))
            case nil: model.update(.tick)
            }
        }
    }
}
