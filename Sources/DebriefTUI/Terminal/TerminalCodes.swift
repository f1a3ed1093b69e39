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

    /// Plain ANSI sequences, with the moves of the usual `cup` (`ansiMove`): what the tests'
    /// model of a terminal reads and what the encoding benchmark sends.
    public static func ansi(lastCellScrolls: Bool = false) -> TerminalCodes {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        return TerminalCodes(
            reset: bytes("\u{1B}[0m"), bold: bytes("\u{1B}[1m"), dim: bytes("\u{1B}[2m"), reverse: bytes("\u{1B}[7m"),
            underline: bytes("\u{1B}[4m"),
            foreground: (0..<8).map { bytes("\u{1B}[3\($0)m") }, background: (0..<8).map { bytes("\u{1B}[4\($0)m") },
            hideCursor: bytes("\u{1B}[?25l"), showCursor: bytes("\u{1B}[?25h"), clear: bytes("\u{1B}[H\u{1B}[2J"),
            moveCursor: { row, column in ansiMove(row, column) }, lastCellScrolls: lastCellScrolls)
    }

    /// The `cup` of xterm, tmux, screen, the Linux console and nearly every terminal since the
    /// VT100, as terminfo writes it: `ESC [ row+1 ; column+1 H`.
    public static let ansiMoveTemplate = Array("\u{1B}[%i%p1%d;%p2%dH".utf8)

    /// What `ansiMoveTemplate` expands to, made here: a frame whose rows moved needs a few
    /// dozen new cursor moves, and expanding each through terminfo (`tiparm`) cost half a
    /// microsecond, a third of such a frame.
    public static func ansiMove(_ row: Int, _ column: Int) -> [UInt8] {
        var bytes: [UInt8] = [0x1B, UInt8(ascii: "[")]
        bytes.reserveCapacity(12)
        appendDecimal(max(1, row + 1), to: &bytes)
        bytes.append(UInt8(ascii: ";"))
        appendDecimal(max(1, column + 1), to: &bytes)
        bytes.append(UInt8(ascii: "H"))
        return bytes
    }

    private static func appendDecimal(_ value: Int, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
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
