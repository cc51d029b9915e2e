import Terminal

extension AppModel {
    /// Applies one message to the model.
    public mutating func update(_ message: Message) {
        switch message {
        case .resize(let newSize):
            size = newSize
        case .tick:
            if isPlaying { advanceWhilePlaying() }
        case .mouse(let event):
            if showsHelp { showsHelp = false; return }
            if event.button == .left, let target = ScreenLayout(model: self).step(at: Point(x: event.x, y: event.y)) {
                isPlaying = false
                step = target
            }
        case .key(let key):
            if showsHelp {
                // Any key closes the help; q still quits straight away.
                showsHelp = false
                if KeyMap.action(for: key) == .quit && key != .escape { wantsQuit = true }
                return
            }
            if let action = KeyMap.action(for: key) { perform(action) }
        }
    }

    /// Carries out one action.
    public mutating func perform(_ action: Action) {
        let grid = scene.grid(phase)
        let here = grid.position(ofStep: step)
        switch action {
        case .stepForward: step += 1
        case .stepBack: step -= 1
        case .cellUp where here.i > 0: step -= grid.columns
        case .cellDown where here.i + 1 < grid.rows: step += grid.columns
        case .cellUp, .cellDown: break
        case .firstStep: step = 0
        case .lastStep: step = stepCount - 1
        case .togglePlay:
            if !isPlaying && step == stepCount - 1 { step = 0 }
            isPlaying.toggle()
        case .faster: speedIndex = min(speedIndex + 1, AppModel.speeds.count - 1)
        case .slower: speedIndex = max(speedIndex - 1, 0)
        case .nextChannel, .previousChannel:
            let c = (here.c + (action == .nextChannel ? 1 : grid.channels - 1)) % grid.channels
            step = grid.step(n: here.n, c: c, i: here.i, j: here.j)
        case .nextSample, .previousSample:
            let n = (here.n + (action == .nextSample ? 1 : grid.samples - 1)) % grid.samples
            step = grid.step(n: n, c: here.c, i: here.i, j: here.j)
        case .toggleDisplay:
            display = ScreenLayout(model: self).showsNumbers ? .heatmap : .numbers
        case .toggleHelp: showsHelp = true
        case .nextScene, .previousScene:
            sceneIndex = (sceneIndex + (action == .nextScene ? 1 : scenes.count - 1)) % scenes.count
            if !scene.phases.contains(phase) { phase = .forward }
        case .nextPhase, .previousPhase:
            let phases = scene.phases
            let index = phases.firstIndex(of: phase) ?? 0
            switchPhase(to: phases[(index + (action == .nextPhase ? 1 : phases.count - 1)) % phases.count])
        case .forwardPhase: switchPhase(to: .forward)
        case .nextMismatch, .previousMismatch:
            if let target = answer?.mismatch(from: step, forward: action == .nextMismatch, scene: sceneIndex, phase: phase) { step = target }
        case .quit: wantsQuit = true
        }
        if [.stepForward, .stepBack, .cellUp, .cellDown, .firstStep, .lastStep, .nextMismatch, .previousMismatch].contains(action) {
            isPlaying = false
        }
    }

    /// One animation step: the next step, then the next scene, then stop at the very end.
    private mutating func advanceWhilePlaying() {
        if step + 1 < stepCount {
            step += 1
        } else if sceneIndex + 1 < scenes.count && phase == .forward {
            sceneIndex += 1
            step = 0
        } else {
            isPlaying = false
        }
    }
}
