import DebriefKit

/// A grid of cells that views draw into. Pure data: the terminal puts it on screen, tests
/// read it as lines of text. A wide character takes its cell and an empty one after it.
public struct Canvas: Equatable, Sendable {
    public struct Cell: Equatable, Sendable {
        /// One grapheme cluster; empty for the right half of a wide character.
        public var text: String
        public var style: Style
        public static let blank = Cell(text: " ", style: .normal)
    }

    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should blink (the note input), if anywhere.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0.x, $0.y) } }
        set { cursorPosition = newValue.map { Position(x: $0.x, y: $0.y) } }
    }
    private var cursorPosition: Position?

    private struct Position: Equatable, Sendable { var x: Int, y: Int }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Every ASCII character as a string, made once: a frame draws a few thousand of them.
    private static let asciiText: [String] = (0..<128).map { String(Unicode.Scalar(UInt8($0))) }

    /// Draws untrusted text on one row from column `x`, clipped at `x + maxWidth` and the
    /// canvas edge. Control characters are shown as visible symbols. Returns the columns used.
    @discardableResult
    public mutating func text(_ string: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var column = x
        // Printable ASCII needs no sanitizing and is one column a byte: most of a frame's
        // text takes this path, which saves a copy and a width lookup per character.
        if string.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in string.utf8 {
                if column >= limit { break }
                if column >= 0 { cells[y * width + column] = Cell(text: Self.asciiText[Int(byte)], style: style) }
                column += 1
            }
            return column - x
        }
        for character in VisibleText.line(string) {
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if column + columns > limit { break }
            if column >= 0 {
                cells[y * width + column] = Cell(text: String(character), style: style)
                if columns == 2 { cells[y * width + column + 1] = Cell(text: "", style: style) }
            }
            column += columns
        }
        return column - x
    }

    /// Paints a rectangle with spaces in a style (a background band, a cleared overlay).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .normal) {
        for row in max(0, y)..<min(height, y + h) {
            for column in max(0, x)..<min(width, x + w) {
                cells[row * width + column] = Cell(text: " ", style: style)
            }
        }
    }

    public mutating func horizontalLine(y: Int, x: Int = 0, width w: Int? = nil, style: Style = .muted) {
        run(of: "─", count: w ?? width - x, x: x, y: y, style: style)
    }

    /// `count` times a trusted one-column character (a rule, a bar) from column `x`, clipped
    /// at the canvas edge. Cells are set directly: drawn several times a frame, these skip
    /// the sanitizing and width measuring `text` does.
    public mutating func run(of character: Character, count: Int, x: Int, y: Int, style: Style = .normal) {
        guard y >= 0, y < height else { return }
        let cell = Cell(text: String(character), style: style)
        for column in max(0, x)..<max(max(0, x), min(width, x + count)) {
            cells[y * width + column] = cell
        }
    }

    /// Where this canvas differs from `previous`, as indices into `cells`: every cell when
    /// there is no previous canvas or its size differs. One pass over both arrays here, where
    /// comparing cells is inlined, instead of two calls a cell from the terminal adapter.
    public func changedCells(since previous: Canvas?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else { return Array(cells.indices) }
        var changed: [Int] = []
        for index in cells.indices where cells[index] != previous.cells[index] {
            changed.append(index)
        }
        return changed
    }

    /// The canvas as plain text, one string per row, trailing spaces trimmed.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width { line += cells[row * width + column].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    public static func == (lhs: Canvas, rhs: Canvas) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells && lhs.cursorPosition == rhs.cursorPosition
    }
}
