import Terminal

/// The one message type the app's update function takes.
public enum Message: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// Time for the next animation frame while playing.
    case tick
}
