import ConvScopeCore
import Terminal

/// Runs the app on a terminal: draw, wait for input or the next animation tick, take every
/// event already typed, update with them all, perform the effects update asked for, draw
/// once, repeat, until the user quits. Rendering is the cost of a frame, so a burst of held
/// keys costs one frame, and `q` is never queued behind work. The backend is restored on
/// every way out.
public enum AppRunner {
    /// Runs until the user quits; `afterFrame` sees the model after each frame is drawn
    /// (recordings write their frames there, outside update).
    public static func run(_ model: AppModel, on backend: TerminalBackend, afterFrame: (AppModel) -> Void = { _ in }) {
        var model = model
        model.size = backend.size
        model.capabilities = backend.capabilities
        defer { backend.shutdown() }
        var meter = RateMeter()
        let clock = ContinuousClock()
        let started = clock.now
        while !model.wantsQuit {
            backend.draw(model.render())
            afterFrame(model)
            let events = backend.readEvents(timeoutMs: model.isPlaying ? model.tickInterval : nil)
            model = process(events, model)
            let elapsed = (clock.now - started) / .seconds(1)
            if let rate = meter.record(
                ticks: events.isEmpty ? 1 : 0, playing: model.isPlaying, speed: model.speed, at: elapsed)
            {
                model = process(.measuredRate(rate), model)
            }
        }
    }

    /// The model after a burst of input, to be drawn once: a key that quits from anywhere
    /// (`KeyMap.quitsAtOnce`) quits at once, whatever was queued before it; otherwise
    /// every event in order; no input at all is the next animation tick.
    public static func process(_ events: [InputEvent], _ model: AppModel) -> AppModel {
        for case .key(let key) in events where KeyMap.quitsAtOnce(key) {
            return process(.key(key), model)
        }
        guard !events.isEmpty else { return process(.tick, model) }
        return events.reduce(model) { model, event in
            switch event {
            case .key(let key): process(.key(key), model)
            case .mouse(let mouse): process(.mouse(mouse), model)
            case .resize(let size): process(.resize(size), model)
            }
        }
    }

    /// The model after `message` and after every effect it leads to, each effect's result
    /// fed back through `update` in turn.
    public static func process(_ message: Message, _ model: AppModel) -> AppModel {
        var pending = [message]
        var model = model
        while !pending.isEmpty {
            let effects: [Effect]
            (model, effects) = update(model, pending.removeFirst())
            pending += effects.map(perform)
        }
        return model
    }

    /// Performs one effect and words its outcome as the message that reports it.
    public static func perform(_ effect: Effect) -> Message {
        switch effect {
        case .train(let session, let scene):
            do {
                try session.trainStep()
                return .trained(scene: scene, session.state)
            } catch {
                return .failed("training stopped: \(reason(error))")
            }
        case .rebuild(let recipe, let title, let scene):
            do {
                return .rebuilt(scene: scene, try recipe.scene(title: title))
            } catch {
                return .rebuildFailed(scene: scene, recipe, problem: reason(error))
            }
        case .openLayer(let session, let layer, let after):
            do {
                return .layerOpened(after: after, try session.layerScenes(layer))
            } catch {
                return .failed("cannot open layer \(layer + 1): \(reason(error))")
            }
        case .buildLoops(let scene, let index):
            do {
                guard let loops = try scene.showingLoops(true).loops else {
                    return .failed("no loop walk here: it covers convolution, pooling and resampling")
                }
                return .loopsBuilt(scene: index, loops)
            } catch {
                return .failed("cannot walk the loops: \(reason(error))")
            }
        case .openBuiltIn(let kind):
            do {
                return .builtInOpened(try SceneFactory.scenes(for: LayerSpec(kind: kind), bundle: [:]))
            } catch {
                return .failed("cannot open \(kind.rawValue): \(reason(error))")
            }
        }
    }

    /// The library's one-line explanation of an error.
    private static func reason(_ error: any Error) -> String {
        (error as? LayerError)?.message ?? "\(error)"
    }
}
