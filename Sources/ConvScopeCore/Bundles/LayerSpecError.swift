/// Why a layer spec and its bundle make no layer, as data: which option or tensor, the
/// values and the limits. The library throws these; the CLI words them (in its own
/// option names and advice), so no command-line text lives here.
public enum LayerSpecError: Error, Equatable, Sendable {
    /// `option` is not one of `kind`'s options.
    case optionDoesNotApply(LayerOption, kind: LayerKind)
    /// `option` got `values`, but takes one number (or an `(H, W)` pair when `pairAllowed`).
    case optionArity(LayerOption, kind: LayerKind, pairAllowed: Bool, values: [Int])
    /// `value` is below the least the option takes (0 for padding, else 1).
    case optionTooSmall(LayerOption, least: Int, value: Int)
    /// `value` is above `LayerSpec.maxOptionValue`.
    case optionTooLarge(LayerOption, most: Int, value: Int)
    /// `option` (padding or factor, with the `values` given) would grow A of `input` shape
    /// to `grown` (nil when even the count overflows), more than `limit` elements.
    case growthTooLarge(LayerOption, values: [Int], input: [Int], grown: [Int]?, limit: Int)
    /// The bundle lacks the parameter `key` that `kind` needs.
    case missingParameter(key: String, kind: LayerKind)
    /// The bundle lacks the input A.
    case missingInput
}
