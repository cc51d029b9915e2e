import Terminal

/// Everything a key can ask the app to do.
public enum Action: Hashable, Sendable {
    case stepForward, stepBack, cellUp, cellDown, firstStep, lastStep
    case togglePlay, faster, slower
    case nextChannel, previousChannel, nextSample, previousSample
    case toggleDisplay, toggleHelp, nextScene, previousScene
    case nextPhase, previousPhase, forwardPhase
    case nextMismatch, previousMismatch
    case nextParameter, previousParameter, increaseParameter, decreaseParameter
    case openLayer, trainStep, openMenu
    case quit
}

/// The keys of every screen, in one table so the help overlay, the hint bar, the README
/// and the update function cannot disagree. Vim keys and arrow keys both work.
public enum KeyMap {
    /// The action of a key, if it has one.
    public static func action(for key: Key) -> Action? {
        switch key {
        case .right, .character("l"): .stepForward
        case .left, .character("h"), .backspace: .stepBack
        case .up, .character("k"): .cellUp
        case .down, .character("j"): .cellDown
        case .home, .character("g"): .firstStep
        case .end, .character("G"): .lastStep
        case .character(" "), .character("p"): .togglePlay
        case .character("+"), .character("="): .faster
        case .character("-"), .character("_"): .slower
        case .character("c"): .nextChannel
        case .character("C"): .previousChannel
        case .character("n"): .nextSample
        case .character("N"): .previousSample
        case .character("v"): .toggleDisplay
        case .character("b"): .nextPhase
        case .character("B"): .previousPhase
        case .character("f"): .forwardPhase
        case .character("x"): .nextMismatch
        case .character("X"): .previousMismatch
        case .enter: .openLayer
        case .character("m"): .openMenu
        case .character("s"): .trainStep
        case .character("e"): .nextParameter
        case .character("E"): .previousParameter
        case .character(">"), .character("."): .increaseParameter
        case .character("<"), .character(","): .decreaseParameter
        case .character("?"), .function(1): .toggleHelp
        case .tab, .character("]"): .nextScene
        case .backTab, .character("["): .previousScene
        case .character("q"), .escape, .control("c"): .quit
        default: nil
        }
    }

    /// Every binding with its description, for the `?` overlay.
    public static let help: [KeyBinding] = [
        KeyBinding("→ l / ← h", "step forward / back (true reverse)"),
        KeyBinding("↑ k / ↓ j", "move to the output cell above / below"),
        KeyBinding("g Home / G End", "first / last step"),
        KeyBinding("click", "jump to an output cell"),
        KeyBinding("space p", "play / pause"),
        KeyBinding("+ / -", "play faster / slower"),
        KeyBinding("c / C", "next / previous output channel"),
        KeyBinding("n / N", "next / previous batch sample"),
        KeyBinding("v", "numbers ↔ heat map"),
        KeyBinding("b / B", "next / previous pass: forward, dLdA, taught, dLdW, dLdb"),
        KeyBinding("f", "back to the forward pass"),
        KeyBinding("x / X", "next / previous cell unlike your answer (--expect)"),
        KeyBinding("Enter", "CNN: open this layer's screen on its activations"),
        KeyBinding("s", "CNN: one SGD step (space trains continuously)"),
        KeyBinding("e / E", "select the next / previous live size (demo)"),
        KeyBinding("> . / < ,", "grow / shrink it: the layer is rebuilt at once"),
        KeyBinding("Tab ] / [", "next / previous scene"),
        KeyBinding("m", "every screen: the demo's and each layer's (↑↓ Enter)"),
        KeyBinding("?", "this help (any key closes it)"),
        KeyBinding("q Esc", "quit"),
    ]

    /// The short list for the one-line hint bar, most useful first.
    public static let hints: [KeyBinding] = [
        KeyBinding("←→", "step"), KeyBinding("space", "play"), KeyBinding("b", "backward"), KeyBinding("?", "help"), KeyBinding("q", "quit"),
        KeyBinding("m", "menu"), KeyBinding("↑↓", "row"), KeyBinding("c", "channel"), KeyBinding("v", "numbers/heat"), KeyBinding("Tab", "scene"),
    ]
}
