import ConvScopeCore

/// The list of every screen, opened with `m`: the scenes already open (the demo's), then
/// each layer of the spec on built-in tensors, so every layer is one choice away.
public struct Menu: Equatable, Sendable {
    /// One choice: a scene that is open, or a layer whose screen is built when chosen.
    public enum Entry: Equatable, Sendable {
        case scene(Int)
        case layer(LayerKind)
    }

    public let entries: [Entry]
    public var selection = 0

    /// The open scenes first, then every layer that has a screen.
    init(sceneCount: Int, current: Int) {
        entries = (0..<sceneCount).map(Entry.scene) + LayerKind.allCases.map(Entry.layer)
        selection = current
    }

    /// Moves the selection by `delta`, wrapping around.
    mutating func move(_ delta: Int) {
        selection = (selection + delta + entries.count) % entries.count
    }
}

extension AppModel {
    /// Opens the chosen menu entry: jumps to an open scene, or builds the layer's screen on
    /// built-in tensors, appends it and jumps there. The menu closes either way.
    mutating func openMenuSelection() -> [Effect] {
        guard let menu else { return [] }
        self.menu = nil
        switch menu.entries[menu.selection] {
        case .scene(let index):
            sceneIndex = index
            if !scene.phases.contains(phase) { phase = .forward }
            isPlaying = false
            return []
        case .layer(let kind):
            return [.openBuiltIn(kind)]
        }
    }

    /// Appends a layer's screens built from the menu and shows the first.
    mutating func appendBuiltIn(_ built: [Scene]) {
        guard !built.isEmpty else { return }
        scenes += built
        steps += Array(repeating: [:], count: built.count)
        sceneIndex = scenes.count - built.count
        if !scene.phases.contains(phase) { phase = .forward }
        isPlaying = false
    }

    /// The menu's label for an entry.
    func menuLabel(_ entry: Menu.Entry) -> String {
        switch entry {
        case .scene(let index): "\(index + 1). \(scenes[index].title)"
        case .layer(let kind): "\(kind.rawValue): \(kind.descriptor.blurb)"
        }
    }
}
