/// Greedy folding of whole pieces of text into lines of a width: a piece (a formula such as
/// `→ (124 − 6)//2 + 1 = 60`) is never cut; it moves to the next line, which starts with
/// `indent`. A piece wider than a line gets a line of its own (the panel then clips its end).
enum TextFolding {
    /// `pieces` joined by single spaces into lines at most `width` characters wide.
    static func fold(_ pieces: [String], width: Int, indent: String = "") -> [String] {
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            if line.isEmpty || line == indent {
                line += piece
            } else if line.count + 1 + piece.count <= width {
                line += " " + piece
            } else {
                lines.append(line)
                line = indent + piece
            }
        }
        return line.isEmpty ? lines : lines + [line]
    }
}
