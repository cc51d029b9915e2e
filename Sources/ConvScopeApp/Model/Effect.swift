import ConvScopeCore

/// Work that `update` asks the runner to do outside the model: each one ends in a message
/// carrying its result (see `AppRunner.perform`), so update itself stays a pure function.
public enum Effect: Equatable {
    /// One SGD step of the network shown by scene `scene`; answers `.trained` or `.failed`.
    case train(NetworkSession, scene: Int)
    /// Rebuild scene `scene` from `recipe`; answers `.rebuilt` or `.rebuildFailed`.
    case rebuild(Recipe, title: String, scene: Int)
    /// Build the screens of network layer `layer` on its activations; answers
    /// `.layerOpened` or `.failed`.
    case openLayer(NetworkSession, layer: Int, after: Int)
    /// Build the screens of a layer kind on built-in tensors (the menu); answers
    /// `.builtInOpened` or `.failed`.
    case openBuiltIn(LayerKind)
    /// Build the homework's loop walks of scene `scene`; answers `.loopsBuilt` or `.failed`.
    case buildLoops(Scene, scene: Int)
}
