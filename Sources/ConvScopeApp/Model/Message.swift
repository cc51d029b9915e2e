import Terminal

/// The one message type the app's update function takes: what the user did, the clock, and
/// the results of the effects the runner performed.
public enum Message: Equatable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// Time for the next animation frame while playing.
    case tick
    /// The network of scene `scene` after one SGD step.
    case trained(scene: Int, NetworkState)
    /// A rebuilt scene from changed sizes, to replace scene `scene`.
    case rebuilt(scene: Int, Scene)
    /// Sizes that make no layer: scene `scene` keeps its content and shows `problem`.
    case rebuildFailed(scene: Int, Recipe, problem: String)
    /// A network layer's screens, to insert right after scene `after`.
    case layerOpened(after: Int, [Scene])
    /// A layer's screens on built-in tensors, chosen from the menu, to append.
    case builtInOpened([Scene])
    /// Scene `scene`'s loop walks, to show in place of its element walk.
    case loopsBuilt(scene: Int, LoopWalks)
    /// The steps per second playback achieved over the last second, measured by the runner.
    case measuredRate(Double)
    /// An effect that failed (training that diverged, a layer that could not be opened),
    /// in words for the hint line.
    case failed(String)
}
