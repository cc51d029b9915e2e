/// File content (header text, member names, paths) made safe to show in a one-line
/// message: control characters (ESC, BEL, newlines, C1 controls, DEL) become visible
/// escapes such as `\x1b`, so a hostile file cannot retitle, recolour or break a terminal.
public enum SafeText {
    public static func visible(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || (0x2028...0x2029).contains(scalar.value) {
                let hex = String(scalar.value, radix: 16)
                shown += scalar.value <= 0xFF ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{\(hex)}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
