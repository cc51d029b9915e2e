import Terminal

/// A tiny terminal emulator for tests: replays what `Buffer.ansi` emits (CUP, ED 2, SGR
/// with 16 and 256 colours and the five attributes, `?25l`) into a buffer, so tests can
/// check that the escape codes rebuild the screen they came from.
struct ANSIReplay {
    private(set) var screen: Buffer
    private var x = 0, y = 0
    private var style = Style.plain

    init(width: Int, height: Int) { screen = Buffer(width: width, height: height) }

    mutating func feed(_ text: String) {
        var characters = text[...]
        while let character = characters.popFirst() {
            guard character == "\u{1B}" else {
                x += screen.put(character, x: x, y: y, style: style)
                continue
            }
            precondition(characters.popFirst() == "[", "only CSI sequences are expected")
            let body = characters.prefix { !$0.isLetter }
            let final = characters.dropFirst(body.count).first!
            characters = characters.dropFirst(body.count + 1)
            perform(
                final, parameters: body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 },
                private: body.hasPrefix("?"))
        }
    }

    private mutating func perform(_ final: Character, parameters: [Int], private isPrivate: Bool) {
        switch final {
        case "H":
            y = max((parameters.first ?? 1) - 1, 0)
            x = max((parameters.count > 1 ? parameters[1] : 1) - 1, 0)
        case "J" where parameters == [2]: screen = Buffer(width: screen.width, height: screen.height)
        case "l" where isPrivate: break
        case "m": applySGR(parameters)
        default: preconditionFailure("unexpected sequence ending in \(final)")
        }
    }

    private mutating func applySGR(_ codes: [Int]) {
        var codes = codes[...]
        let attributes: [Int: CellAttributes] = [1: .bold, 2: .dim, 3: .italic, 4: .underline, 7: .reverse]
        while let code = codes.popFirst() {
            switch code {
            case 0: style = .plain
            case 30...37: style.foreground = .ansi(UInt8(code - 30))
            case 90...97: style.foreground = .ansi(UInt8(code - 82))
            case 40...47: style.background = .ansi(UInt8(code - 40))
            case 100...107: style.background = .ansi(UInt8(code - 92))
            case 38, 48:
                precondition(codes.popFirst() == 5, "only 256-colour SGR is expected")
                let color = TermColor.indexed(UInt8(codes.popFirst()!))
                if code == 38 { style.foreground = color } else { style.background = color }
            default: style.attributes.insert(attributes[code]!)
            }
        }
    }
}
