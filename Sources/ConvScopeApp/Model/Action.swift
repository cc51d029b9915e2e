import Terminal

/// Everything a key can ask the app to do.
public enum Action: Hashable, Sendable, CaseIterable {
    case stepForward, stepBack, cellUp, cellDown, firstStep, lastStep
    case togglePlay, faster, slower
    case nextChannel, previousChannel, nextSample, previousSample
    case toggleDisplay, toggleHelp, nextScene, previousScene
    case nextPhase, previousPhase, forwardPhase, toggleWalk
    case nextMismatch, previousMismatch
    case nextParameter, previousParameter, increaseParameter, decreaseParameter
    case openLayer, trainStep, openMenu
    case quit
}

/// What a key does while the screen list is open.
enum MenuAction: Equatable {
    /// Moves the selection by this many entries.
    case move(Int)
    case open, quit
}

/// The keys of every screen, in one table so the help overlay, the hint bar, the hints in
/// screens and the update function cannot disagree. Vim keys and arrow keys both work.
public enum KeyMap {
    /// One key and what it does; `shown` keys are the ones help and hints name (the others
    /// are aliases), the first shown key of an action being its name in short hints.
    struct Binding {
        let key: Key
        let action: Action
        var shown = true
    }

    static let table: [Binding] = [
        Binding(key: .right, action: .stepForward), Binding(key: .character("l"), action: .stepForward),
        Binding(key: .left, action: .stepBack), Binding(key: .character("h"), action: .stepBack),
        Binding(key: .backspace, action: .stepBack, shown: false),
        Binding(key: .up, action: .cellUp), Binding(key: .character("k"), action: .cellUp),
        Binding(key: .down, action: .cellDown), Binding(key: .character("j"), action: .cellDown),
        Binding(key: .character("g"), action: .firstStep), Binding(key: .home, action: .firstStep),
        Binding(key: .character("G"), action: .lastStep), Binding(key: .end, action: .lastStep),
        Binding(key: .character(" "), action: .togglePlay), Binding(key: .character("p"), action: .togglePlay),
        Binding(key: .character("+"), action: .faster), Binding(key: .character("="), action: .faster, shown: false),
        Binding(key: .character("-"), action: .slower), Binding(key: .character("_"), action: .slower, shown: false),
        Binding(key: .character("c"), action: .nextChannel), Binding(key: .character("C"), action: .previousChannel),
        Binding(key: .character("n"), action: .nextSample), Binding(key: .character("N"), action: .previousSample),
        Binding(key: .character("v"), action: .toggleDisplay),
        Binding(key: .character("b"), action: .nextPhase), Binding(key: .character("B"), action: .previousPhase),
        Binding(key: .character("f"), action: .forwardPhase),
        Binding(key: .character("w"), action: .toggleWalk),
        Binding(key: .character("x"), action: .nextMismatch), Binding(key: .character("X"), action: .previousMismatch),
        Binding(key: .enter, action: .openLayer),
        Binding(key: .character("m"), action: .openMenu),
        Binding(key: .character("s"), action: .trainStep),
        Binding(key: .character("e"), action: .nextParameter),
        Binding(key: .character("E"), action: .previousParameter),
        Binding(key: .character(">"), action: .increaseParameter),
        Binding(key: .character("."), action: .increaseParameter),
        Binding(key: .character("<"), action: .decreaseParameter),
        Binding(key: .character(","), action: .decreaseParameter),
        Binding(key: .character("?"), action: .toggleHelp),
        Binding(key: .function(1), action: .toggleHelp, shown: false),
        Binding(key: .tab, action: .nextScene), Binding(key: .character("]"), action: .nextScene),
        Binding(key: .backTab, action: .previousScene, shown: false),
        Binding(key: .character("["), action: .previousScene),
        Binding(key: .character("q"), action: .quit), Binding(key: .escape, action: .quit),
        Binding(key: .control("c"), action: .quit, shown: false),
    ]

    /// Whether a key quits from anywhere at once (help, the screen list, ahead of queued
    /// keys): `q` and Ctrl-C. Esc quits only from a screen; it closes help and the list first.
    public static func quitsAtOnce(_ key: Key) -> Bool {
        action(for: key) == .quit && key != .escape
    }

    /// The action of a key, if it has one.
    public static func action(for key: Key) -> Action? {
        table.first { $0.key == key }?.action
    }

    /// The keys of the open screen list; any other key closes it.
    static let menuTable: [(key: Key, action: MenuAction)] = [
        (.up, .move(-1)), (.character("k"), .move(-1)), (.backTab, .move(-1)),
        (.down, .move(1)), (.character("j"), .move(1)), (.tab, .move(1)),
        (.pageUp, .move(-10)), (.pageDown, .move(10)),
        (.enter, .open), (.character(" "), .open), (.right, .open), (.character("l"), .open),
        (.character("q"), .quit), (.control("c"), .quit),
    ]

    /// What a key does while the screen list is open; nil closes the list.
    static func menuAction(for key: Key) -> MenuAction? {
        menuTable.first { $0.key == key }?.action
    }

    /// The first key of a screen-list action, e.g. `"Enter"` to open.
    static func menuKey(_ action: MenuAction) -> String {
        menuTable.first { $0.action == action }.map { name($0.key) } ?? ""
    }

    /// The shown keys of an action, space-separated, e.g. `"→ l"`.
    public static func keys(_ action: Action) -> String {
        table.filter { $0.action == action && $0.shown }.map { name($0.key) }.joined(separator: " ")
    }

    /// The first shown key of an action, e.g. `"b"` for the next pass.
    public static func key(_ action: Action) -> String {
        table.first { $0.action == action && $0.shown }.map { name($0.key) } ?? ""
    }

    /// A key as help text writes it.
    static func name(_ key: Key) -> String {
        switch key {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .control(let c): "Ctrl-\(c)"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let n): "F\(n)"
        }
    }

    /// An action and its opposite, e.g. `"c / C"`.
    private static func pair(_ one: Action, _ other: Action) -> String { keys(one) + " / " + keys(other) }

    /// Every binding with its description, for the `?` overlay.
    public static let help: [KeyBinding] = [
        KeyBinding(pair(.stepForward, .stepBack), "step forward / back (true reverse)"),
        KeyBinding(pair(.cellUp, .cellDown) + ", click", "the output cell above / below, or the one clicked"),
        KeyBinding(pair(.firstStep, .lastStep), "first / last step"),
        KeyBinding(keys(.togglePlay), "play / pause"),
        KeyBinding(pair(.faster, .slower), "play faster / slower"),
        KeyBinding(pair(.nextChannel, .previousChannel), "next / previous output channel"),
        KeyBinding(pair(.nextSample, .previousSample), "next / previous batch sample"),
        KeyBinding(keys(.toggleDisplay), "numbers ↔ heat map"),
        KeyBinding(pair(.nextPhase, .previousPhase), "next / previous pass: forward, dLdA, taught, dLdW, dLdb"),
        KeyBinding(keys(.forwardPhase), "back to the forward pass"),
        KeyBinding(keys(.toggleWalk), "walk: one element ↔ the homework's loops (a tensordot a step)"),
        KeyBinding(pair(.nextMismatch, .previousMismatch), "next / previous cell unlike your answer (--expect)"),
        KeyBinding(keys(.openLayer), "CNN: open this layer's screen on its activations"),
        KeyBinding(keys(.trainStep), "CNN: one SGD step (\(key(.togglePlay)) trains continuously)"),
        KeyBinding(pair(.nextParameter, .previousParameter), "select the next / previous live size (demo)"),
        KeyBinding(pair(.increaseParameter, .decreaseParameter), "grow / shrink it: the layer is rebuilt at once"),
        KeyBinding(pair(.nextScene, .previousScene), "next / previous scene"),
        KeyBinding(
            keys(.openMenu),
            "every screen: the demo's and each layer's "
                + "(\(menuKey(.move(-1)))\(menuKey(.move(1))) \(menuKey(.open)))"),
        KeyBinding(keys(.toggleHelp), "this help (any key closes it)"),
        KeyBinding(keys(.quit), "quit"),
    ]

    /// The short list for the one-line hint bar, most useful first.
    public static let hints: [KeyBinding] = [
        KeyBinding(key(.stepBack) + key(.stepForward), "step"), KeyBinding(key(.togglePlay), "play"),
        KeyBinding(key(.nextPhase), "backward"), KeyBinding(key(.toggleWalk), "loops"),
        KeyBinding(key(.toggleHelp), "help"), KeyBinding(key(.quit), "quit"),
        KeyBinding(key(.openMenu), "menu"), KeyBinding(key(.cellUp) + key(.cellDown), "row"),
        KeyBinding(key(.nextChannel), "channel"), KeyBinding(key(.toggleDisplay), "numbers/heat"),
        KeyBinding(key(.nextScene), "scene"),
    ]
}
