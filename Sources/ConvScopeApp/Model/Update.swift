import ConvScopeCore
import Terminal
import Walkthroughs

/// The app's update function: the model after `message` and the effects the runner must
/// perform (training, rebuilding a scene, opening a layer), whose results come back as
/// messages. Pure: it only changes a copy of the model, a value.
public func update(_ model: AppModel, _ message: Message) -> (AppModel, [Effect]) {
    var next = model
    let effects = next.apply(message)
    return (next, effects)
}

extension AppModel {
    /// Applies one message to the model in place, returning the effects it asks for.
    mutating func apply(_ message: Message) -> [Effect] {
        switch message {
        case .resize(let newSize):
            size = newSize
        case .tick:
            if isPlaying { return advanceWhilePlaying() }
        case .mouse(let event):
            if showsHelp {
                showsHelp = false
                return []
            }
            if event.button == .left, let target = ScreenLayout(model: self).step(at: Point(x: event.x, y: event.y)) {
                isPlaying = false
                step = target
            }
        case .key(let key) where menu != nil:
            notice = nil
            return updateMenu(key)
        case .key(let key):
            notice = nil
            if showsHelp {
                // Any key closes the help; q still quits straight away.
                showsHelp = false
                if KeyMap.quitsAtOnce(key) { wantsQuit = true }
                return []
            }
            if let action = KeyMap.action(for: key) { return perform(action) }
        case .trained(let index, let state):
            guard scenes.indices.contains(index), case .network(let old) = scenes[index].content else { return [] }
            // Training changes the numbers, not what the user is looking at.
            scenes[index].content = .network(state.showing(sample: old.sample))
        case .rebuilt(let index, var rebuilt):
            guard scenes.indices.contains(index) else { return [] }
            let loops = scenes[index].showsLoops
            rebuilt.showsLoops = false
            scenes[index] = rebuilt
            steps[index] = [:]
            if index == sceneIndex && !rebuilt.phases.contains(phase) { phase = .forward }
            // A scene walked in loops is walked in loops at its new sizes too.
            if loops { return [.buildLoops(rebuilt, scene: index)] }
        case .loopsBuilt(let index, let loops):
            guard scenes.indices.contains(index) else { return [] }
            scenes[index].loops = loops
            scenes[index].showsLoops = true
            if index == sceneIndex { enterLoopPhase() }
        case .rebuildFailed(let index, let recipe, let problem):
            guard scenes.indices.contains(index) else { return [] }
            scenes[index].recipe = recipe
            scenes[index].problem = problem
        case .layerOpened(let after, let opened):
            guard scenes.indices.contains(after) else { return [] }
            scenes.insert(contentsOf: opened, at: after + 1)
            steps.insert(contentsOf: Array(repeating: [:], count: opened.count), at: after + 1)
            sceneIndex = after + 1
            phase = .forward
            isPlaying = false
        case .builtInOpened(let built):
            appendBuiltIn(built)
        case .measuredRate(let stepsPerSecond):
            if isPlaying { measuredRate = MeasuredRate(speed: speed, stepsPerSecond: stepsPerSecond) }
        case .failed(let reason):
            isPlaying = false
            notice = reason
        }
        return []
    }

    /// Keys while the screen list is open: move, open, close.
    private mutating func updateMenu(_ key: Key) -> [Effect] {
        switch KeyMap.menuAction(for: key) {
        case .move(let delta): menu?.move(delta)
        case .open: return openMenuSelection()
        case .quit: wantsQuit = true
        case nil: menu = nil
        }
        return []
    }

    /// Carries out one action, returning the effects it asks for.
    mutating func perform(_ action: Action) -> [Effect] {
        if scene.showsLoops, let loop = scene.loopWalk(phase), moveInLoop(action, loop) { return [] }
        let grid = scene.grid(phase)
        let here = grid.position(ofStep: step)
        var effects: [Effect] = []
        switch action {
        case .stepForward: step += 1
        case .stepBack: step -= 1
        case .cellUp where here.i > 0: step -= grid.columns
        case .cellDown where here.i + 1 < grid.rows: step += grid.columns
        case .cellUp, .cellDown: break
        case .firstStep: step = 0
        case .lastStep: step = stepCount - 1
        case .togglePlay:
            // Replaying a walk starts it over; training a network keeps the layer in view.
            if !isPlaying && step == stepCount - 1, !scene.isNetwork { step = 0 }
            isPlaying.toggle()
        case .faster: speedIndex = min(speedIndex + 1, AppModel.speeds.count - 1)
        case .slower: speedIndex = max(speedIndex - 1, 0)
        case .nextChannel, .previousChannel:
            let c = (here.c + (action == .nextChannel ? 1 : grid.channels - 1)) % grid.channels
            step = grid.step(n: here.n, c: c, i: here.i, j: here.j)
        case .nextSample, .previousSample:
            if case .network(let state) = scene.content {
                let n = state.sample + (action == .nextSample ? 1 : -1)
                scenes[sceneIndex].content = .network(state.showing(sample: n))
                return []
            }
            let n = (here.n + (action == .nextSample ? 1 : grid.samples - 1)) % grid.samples
            step = grid.step(n: n, c: here.c, i: here.i, j: here.j)
        case .toggleDisplay:
            display = ScreenLayout(model: self).showsNumbers ? .heatmap : .numbers
        case .toggleHelp: showsHelp = true
        case .openMenu: menu = Menu(sceneCount: scenes.count, current: sceneIndex)
        case .nextScene, .previousScene:
            sceneIndex = (sceneIndex + (action == .nextScene ? 1 : scenes.count - 1)) % scenes.count
            if !scene.phases.contains(phase) { phase = .forward }
            // Playing onto a finished walk starts it over, rather than playing on past it.
            if isPlaying && step == stepCount - 1, !scene.isNetwork { step = 0 }
        case .nextPhase, .previousPhase:
            let phases = scene.phases
            let index = phases.firstIndex(of: phase) ?? 0
            switchPhase(to: phases[(index + (action == .nextPhase ? 1 : phases.count - 1)) % phases.count])
        case .forwardPhase: switchPhase(to: .forward)
        case .toggleWalk:
            isPlaying = false
            if scene.showsLoops || scene.loops != nil {
                scenes[sceneIndex].showsLoops.toggle()
                enterLoopPhase()
            } else {
                effects = [.buildLoops(scene, scene: sceneIndex)]
            }
        case .nextMismatch, .previousMismatch:
            let forward = action == .nextMismatch
            if let target = answer?.mismatch(from: step, forward: forward, scene: sceneIndex, phase: phase) {
                step = target
            }
        case .nextParameter, .previousParameter:
            let count = scene.recipe?.parameters.count ?? 1
            parameterIndex = (parameterIndex + (action == .nextParameter ? 1 : count - 1)) % count
        case .increaseParameter, .decreaseParameter:
            effects = adjustRecipe(by: action == .increaseParameter ? 1 : -1)
        case .trainStep:
            if case .network(let state) = scene.content { effects = [.train(state.session, scene: sceneIndex)] }
        case .openLayer:
            effects = openLayerScreen()
        case .quit: wantsQuit = true
        }
        if [.stepForward, .stepBack, .cellUp, .cellDown, .firstStep, .lastStep, .nextMismatch, .previousMismatch]
            .contains(action)
        {
            isPlaying = false
        }
        return effects
    }

    /// The phase on entering or leaving the loop walk: the taught dL/dA route is the loop
    /// walk's dL/dA, and the other way round.
    private mutating func enterLoopPhase() {
        if scene.showsLoops && phase == .taught { phase = .dLdA }
        if !scene.phases.contains(phase) { phase = .forward }
    }

    /// The keys that move differently in the loop walk: rows of the loop's grid (`i` ± 1), and
    /// the sample and output channel whose maps are shown. False for every other action.
    private mutating func moveInLoop(_ action: Action, _ loop: LoopWalk) -> Bool {
        let (stage, local) = loop.locate(step)
        let grid = loop.stages[stage].grid
        let shape = scene.loopWalk(.forward)?.output.shape ?? [1, 1]
        switch action {
        case .cellUp where local >= grid.w: step -= grid.w
        case .cellDown where local + grid.w < loop.stages[stage].stepCount: step += grid.w
        case .cellUp, .cellDown: break
        case .nextSample, .previousSample:
            loopSample = (loopSample + (action == .nextSample ? 1 : shape[0] - 1)) % shape[0]
        case .nextChannel, .previousChannel:
            loopChannel = (loopChannel + (action == .nextChannel ? 1 : shape[1] - 1)) % shape[1]
        case .nextMismatch, .previousMismatch: break
        default: return false
        }
        isPlaying = false
        return true
    }

    /// Asks for the scene rebuilt with one size changed. Sizes that make no layer keep the
    /// last good scene on screen under the library's explanation until they are changed again.
    private mutating func adjustRecipe(by delta: Int) -> [Effect] {
        guard let recipe = scene.recipe, recipe.parameters.indices.contains(parameterIndex) else { return [] }
        let changed = recipe.adjusting(parameterIndex, by: delta)
        guard changed != recipe else { return [] }
        isPlaying = false
        return [.rebuild(changed, title: changed.title(else: scene.title), scene: sceneIndex)]
    }

    /// Asks for the screen of the network layer at the current step, on its real
    /// activations, as a new scene right after this one (Tab and Shift-Tab move between them).
    private func openLayerScreen() -> [Effect] {
        guard case .network(let state) = scene.content, phase == .forward || phase == .dLdA else { return [] }
        let layers = state.layerSummaries.count
        let index = phase == .forward ? step : layers - step
        guard (0..<layers).contains(index) else { return [] }
        return [.openLayer(state.session, layer: index, after: sceneIndex)]
    }

    /// One animation step: the next step, then the next scene, then stop at the very end.
    /// In a network scene, playing means training: one SGD step per tick.
    private mutating func advanceWhilePlaying() -> [Effect] {
        if case .network(let state) = scene.content {
            return [.train(state.session, scene: sceneIndex)]
        }
        if step + 1 < stepCount {
            step += 1
        } else if sceneIndex + 1 < scenes.count && phase == .forward {
            sceneIndex += 1
            step = 0
        } else {
            isPlaying = false
        }
        return []
    }
}
