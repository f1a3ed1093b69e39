/// The escape sequences one terminal understands, read from its terminfo entry by the
/// terminal adapter: what `FrameEncoder` needs to put a frame on screen itself. Padding
/// (`$<5>`) is already taken out; a sequence the terminal lacks is empty.
public struct TerminalCodes: Sendable {
    /// Back to plain text in the terminal's own colors (`sgr0`).
    public var reset: [UInt8]
    public var bold: [UInt8]
    public var dim: [UInt8]
    public var reverse: [UInt8]
    public var underline: [UInt8]
    /// A color's sequence by `TerminalColor` raw value; empty without color.
    public var foreground: [[UInt8]]
    public var background: [[UInt8]]
    public var hideCursor: [UInt8]
    public var showCursor: [UInt8]
    /// Clears the screen and puts the cursor top left.
    public var clear: [UInt8]
    /// Puts the cursor at a row and column, counted from 0 (`cup`).
    public var moveCursor: @Sendable (_ row: Int, _ column: Int) -> [UInt8]
    /// Writing the bottom-right cell scrolls the screen (automatic margins without the
    /// xterm "eat newline" glitch): that cell is left alone.
    public var lastCellScrolls: Bool

    public init(reset: [UInt8], bold: [UInt8], dim: [UInt8], reverse: [UInt8], underline: [UInt8],
                foreground: [[UInt8]], background: [[UInt8]], hideCursor: [UInt8], showCursor: [UInt8],
                clear: [UInt8], moveCursor: @escaping @Sendable (Int, Int) -> [UInt8], lastCellScrolls: Bool) {
        self.reset = reset
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
        self.foreground = foreground
        self.background = background
        self.hideCursor = hideCursor
        self.showCursor = showCursor
        self.clear = clear
        self.moveCursor = moveCursor
        self.lastCellScrolls = lastCellScrolls
    }

    /// A terminfo string as bytes, without its padding (`$<5>`, `$<2*/>`): delays meant for
    /// real serial lines, which a terminal emulator would print as text.
    public static func withoutPadding(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "<"),
               let end = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">")),
               bytes[(index + 2)..<end].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2A || $0 == 0x2F }) {
                index = end + 1
                continue
            }
            result.append(bytes[index])
            index += 1
        }
        return result
    }
}
