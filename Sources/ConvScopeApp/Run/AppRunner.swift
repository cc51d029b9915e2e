import ConvScopeCore
import Terminal

/// Runs the app on a terminal: draw, wait for an event or the next animation tick, turn it
/// into a message, update, perform the effects update asked for, repeat, until the user
/// quits. The backend is restored on every way out.
public enum AppRunner {
    /// Runs until the user quits; `afterFrame` sees the model after each frame is drawn
    /// (recordings write their frames there, outside update).
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
            case .key(let key): model = process(.key(key), model)
            case .mouse(let mouse): model = process(.mouse(mouse), model)
            case .resize(let size): model = process(.resize(size), model)
            case nil: model = process(.tick, model)
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
