import DebriefKit

/// A grid of cells that views draw into. Pure data: the terminal puts it on screen, tests
/// read it as lines of text. A wide character takes its cell and an empty one after it.
public struct Canvas: Equatable, Sendable {
    /// A cell as tests and other readers see it.
    public struct Cell: Equatable, Sendable {
        /// One grapheme cluster; empty for the right half of a wide character.
        public var text: String
        public var style: Style
        public static let blank = Cell(text: " ", style: .normal)
    }

    /// What a cell shows, for the terminal: no String is made for the common single scalar.
    public enum Content: Equatable, Sendable {
        case scalar(Unicode.Scalar)
        /// A grapheme cluster of several scalars (an emoji sequence, a letter and its accent).
        case cluster(String)
        /// The right half of a wide character: nothing to draw.
        case continuation
    }

    /// A cell as stored: plain data, so a frame's few thousand cells are made, compared and
    /// freed without reference counting (a String a cell cost 10–15 % of a keystroke).
    /// `code` is a Unicode scalar, `continuation`, or `clusterFlag` + an index into `clusters`.
    /// The style is packed into a word too: comparing two frames, as the terminal does every
    /// frame, is then two integer compares a cell.
    private struct Slot: Equatable, Sendable {
        var code: UInt32
        var look: UInt32

        init(code: UInt32, style: Style) {
            self.code = code
            look = UInt32(style.role.rawValue) | (style.bold ? 0x100 : 0) | (style.reverse ? 0x200 : 0)
                | (style.underline ? 0x400 : 0) | (style.dim ? 0x800 : 0)
        }

        var style: Style {
            Style(ColorRole(rawValue: Int(look & 0xFF)) ?? .normal, bold: look & 0x100 != 0, reverse: look & 0x200 != 0,
                  underline: look & 0x400 != 0, dim: look & 0x800 != 0)
        }
    }

    /// Codes past the last scalar (0x10FFFF): the right half of a wide character, and the
    /// mark of a multi-scalar cluster kept in the side table.
    private static let continuation: UInt32 = 0x11_0000
    private static let clusterFlag: UInt32 = 0x8000_0000

    public let width: Int
    public let height: Int
    private var slots: [Slot]
    /// The multi-scalar clusters drawn on this canvas, rare enough that a slot points here.
    private var clusters: [String] = []
    /// Where the terminal cursor should blink (the note input), if anywhere.
    public var cursor: (x: Int, y: Int)? {
        get { cursorPosition.map { ($0.x, $0.y) } }
        set { cursorPosition = newValue.map { Position(x: $0.x, y: $0.y) } }
    }
    private var cursorPosition: Position?
    /// Which kept frame this canvas is, or was drawn from by redrawing some rows
    /// (`IncrementalScreen`): outside `rows` it holds exactly that frame's cells. Two
    /// canvases of one lineage then differ at most in their redrawn rows, and comparing
    /// frames (`changedCells`, every frame) looks at those rows alone. Any later drawing
    /// clears it: only the screen that stamps it knows what it promises.
    public var lineage: Lineage?

    /// A kept frame and the rows redrawn into it (none for the frame itself).
    public struct Lineage: Equatable, Sendable {
        public var frame: Frame
        public var rows: Range<Int>
        public init(frame: Frame, rows: Range<Int>) {
            self.frame = frame
            self.rows = rows
        }

        /// A kept frame, told apart from every other by identity: no counter shared by the
        /// screens of a process, and never taken for another while a canvas names it.
        public final class Frame: Sendable {
            /// The kept frame this one was drawn beside (the input one row taller, drawn ahead
            /// of the key that wraps it), and the rows where the two differ: a frame of this
            /// one and a frame of its parent are compared on those rows and their redrawn ones.
            public let parent: Frame?
            public let rowsUnlikeParent: Range<Int>

            public init() {
                parent = nil
                rowsUnlikeParent = 0..<0
            }

            public init(after parent: Frame, unlikeIn rows: Range<Int>) {
                self.parent = parent
                rowsUnlikeParent = rows
            }
        }

        public static func == (a: Lineage, b: Lineage) -> Bool { a.frame === b.frame && a.rows == b.rows }
    }

    private struct Position: Equatable, Sendable { var x: Int, y: Int }

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        slots = Array(repeating: Slot(code: 0x20, style: .normal), count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cell(at: y * width + x)
    }

    /// Every cell, row by row. Made on demand: drawing and the terminal use the compact form.
    public var cells: [Cell] { slots.indices.map(cell(at:)) }

    private func cell(at index: Int) -> Cell {
        Cell(text: text(at: index), style: slots[index].style)
    }

    public func content(at index: Int) -> Content {
        let code = slots[index].code
        if code >= Self.clusterFlag { return .cluster(clusters[Int(code - Self.clusterFlag)]) }
        if code == Self.continuation { return .continuation }
        return .scalar(Unicode.Scalar(code).unsafelyUnwrapped)
    }

    public func style(at index: Int) -> Style { slots[index].style }

    /// A cell's style as stored: two cells with equal looks have equal styles.
    func look(at index: Int) -> UInt32 { slots[index].look }

    /// A style as a cell stores it (`look(at:)`).
    static func look(of style: Style) -> UInt32 { Slot(code: 0x20, style: style).look }

    /// The cell's byte when it holds one printable ASCII character, as most cells do.
    func asciiByte(at index: Int) -> UInt8? {
        let code = slots[index].code
        return code >= 0x20 && code < 0x7F ? UInt8(code) : nil
    }

    /// Puts printable ASCII `byte` in the place of the printable ASCII character at `index`,
    /// in its style. The lineage is kept: a frame drawn ahead (`ForeseenFrame`) gets the
    /// typed letter in a row it says was redrawn.
    mutating func replaceLetter(at index: Int, with byte: UInt8) {
        precondition(asciiByte(at: index) != nil && (0x20..<0x7F).contains(byte), "replaceLetter(at:with:) swaps ASCII for ASCII")
        slots[index].code = UInt32(byte)
    }

    /// The cell's scalar when it is one drawn as it is, a column wide: printable ASCII and the
    /// plain narrow symbols (`DisplayWidth.isPlainCell`: rules, bullets, accented letters).
    func plainScalar(at index: Int) -> UInt32? {
        let code = slots[index].code
        if code >= 0x20 && code < 0x7F { return code }
        guard code < Self.continuation, DisplayWidth.isPlainCell(Unicode.Scalar(code).unsafelyUnwrapped) else { return nil }
        return code
    }

    private func text(at index: Int) -> String {
        switch content(at: index) {
        case .scalar(let scalar): String(scalar)
        case .cluster(let text): text
        case .continuation: ""
        }
    }

    /// The stored code for a character: the scalar itself, or a new side-table entry.
    private mutating func code(for character: Character) -> UInt32 {
        var scalars = character.unicodeScalars.makeIterator()
        if let first = scalars.next(), scalars.next() == nil { return first.value }
        clusters.append(String(character))
        return Self.clusterFlag + UInt32(clusters.count - 1)
    }

    /// `text` for a string's UTF-8 bytes that are all printable ASCII (a row of the note
    /// input, drawn without copying it out of the text); any other bytes are drawn as
    /// `text` draws them.
    @discardableResult
    public mutating func text(utf8 bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        lineage = nil
        guard y >= 0, y < height, x < width else { return 0 }
        if let columns = asciiText(bytes, x: x, y: y, style: style, limit: min(width, x + (maxWidth ?? width))) { return columns }
        return text(String(decoding: bytes, as: UTF8.self), x: x, y: y, style: style, maxWidth: maxWidth)
    }

    /// Draws `bytes` a column each when every one is printable ASCII; nil, drawing nothing,
    /// otherwise.
    private mutating func asciiText(_ bytes: UnsafeBufferPointer<UInt8>, x: Int, y: Int, style: Style, limit: Int) -> Int? {
        for byte in bytes where byte < 0x20 || byte >= 0x7F { return nil }
        let count = min(bytes.count, max(0, limit - x))
        let skipped = min(count, max(0, -x))  // columns left of the canvas
        var slot = Slot(code: 0x20, style: style)
        let start = y * width + x
        // Through the buffer, as `fill`: the input's text is drawn on every key.
        slots.withUnsafeMutableBufferPointer { cells in
            for offset in skipped..<count {
                slot.code = UInt32(bytes[offset])
                cells[start + offset] = slot
            }
        }
        return count
    }

    /// Draws untrusted text on one row from column `x`, clipped at `x + maxWidth` and the
    /// canvas edge. Control characters are shown as visible symbols. Returns the columns used.
    @discardableResult
    public mutating func text(_ string: String, x: Int, y: Int, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        lineage = nil
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        // Printable ASCII needs no sanitizing and is one column a byte: most of a frame's
        // text takes this path, which saves a copy and a width lookup per character. Its
        // bytes are read in place (a loop over a buffer, not over the string's UTF-8 view).
        let ascii = string.utf8.withContiguousStorageIfAvailable { asciiText($0, x: x, y: y, style: style, limit: limit) }
        if let ascii, let ascii { return ascii }
        var column = x
        var slot = Slot(code: 0x20, style: style)
        // So are the common symbols every frame draws (• › ● ▶ ·, rules, dashes, accented
        // letters): each such scalar is a grapheme cluster of its own, safe and one column.
        if string.unicodeScalars.allSatisfy(DisplayWidth.isPlainCell) {
            for scalar in string.unicodeScalars {
                if column >= limit { break }
                slot.code = scalar.value
                if column >= 0 { slots[y * width + column] = slot }
                column += 1
            }
            return column - x
        }
        for character in VisibleText.line(string) {
            let columns = DisplayWidth.of(character)
            if columns == 0 { continue }
            if column + columns > limit { break }
            if column >= 0 {
                slots[y * width + column] = Slot(code: code(for: character), style: style)
                if columns == 2 { slots[y * width + column + 1] = Slot(code: Self.continuation, style: style) }
            }
            column += columns
        }
        return column - x
    }

    /// Paints a rectangle with spaces in a style (a background band, a cleared overlay).
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .normal) {
        lineage = nil
        let blank = Slot(code: 0x20, style: style)
        let columns = max(0, x)..<max(max(0, x), min(width, x + w))
        let rows = max(0, y)..<max(max(0, y), min(height, y + h))
        guard !columns.isEmpty, !rows.isEmpty else { return }
        // A row at a time through the buffer: set cell by cell, each cell paid a uniqueness
        // and a bounds check (the input's area is cleared on every key).
        let width = width
        slots.withUnsafeMutableBufferPointer { cells in
            for row in rows {
                (cells.baseAddress! + row * width + columns.lowerBound).update(repeating: blank, count: columns.count)
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
        lineage = nil
        guard y >= 0, y < height else { return }
        let slot = Slot(code: code(for: character), style: style)
        for column in max(0, x)..<max(max(0, x), min(width, x + count)) {
            slots[y * width + column] = slot
        }
    }

    /// Takes every cell of `source`, a canvas of the same size, into this canvas's own
    /// storage: a frame kept for drawing into is brought up to date without a new one.
    mutating func take(cellsOf source: Canvas) {
        precondition(source.width == width && source.height == height, "take(cellsOf:) needs canvases of one size")
        lineage = nil
        clusters = source.clusters
        slots.withUnsafeMutableBufferPointer { to in
            source.slots.withUnsafeBufferPointer { from in to.baseAddress!.update(from: from.baseAddress!, count: from.count) }
        }
    }

    /// Copies the cells of `area` from `source`, a canvas drawn with the same coordinates
    /// (clipped to both): a part of the screen drawn once and kept (`TableFrameMemo`) is put
    /// back without drawing it again.
    public mutating func copy(_ area: Rect, from source: Canvas) {
        lineage = nil
        let left = max(0, area.x), right = min(area.maxX, width, source.width)
        guard left < right else { return }
        for row in max(0, area.y)..<max(max(0, area.y), min(area.maxY, height, source.height)) {
            let from = row * source.width + left, to = row * width + left, count = right - left
            guard !source.clusters.isEmpty else {
                slots.replaceSubrange(to..<(to + count), with: source.slots[from..<(from + count)])
                continue
            }
            for offset in 0..<count {
                var slot = source.slots[from + offset]
                if slot.code >= Self.clusterFlag {  // its cluster goes into this canvas's side table
                    clusters.append(source.clusters[Int(slot.code - Self.clusterFlag)])
                    slot.code = Self.clusterFlag + UInt32(clusters.count - 1)
                }
                slots[to + offset] = slot
            }
        }
    }

    /// Where this canvas differs from `previous`, as indices into `cells`: every cell when
    /// there is no previous canvas or its size differs. One pass over both arrays here, where
    /// comparing cells is inlined, instead of two calls a cell from the terminal adapter.
    /// Two canvases of one lineage are compared on their redrawn rows only: a typed key's
    /// frame then costs a look at the input's rows, not at every cell of the screen; and a
    /// frame of a kept frame's child (`Lineage.Frame.parent`) with one of that kept frame,
    /// on those rows and the rows where child and parent differ.
    public func changedCells(since previous: Canvas?) -> [Int] {
        guard let previous, previous.width == width, previous.height == height else { return Array(slots.indices) }
        var rows = 0..<height
        if let mine = lineage, let theirs = previous.lineage {
            if mine.frame === theirs.frame {
                rows = Self.hull(mine.rows, theirs.rows).clamped(to: 0..<height)
            } else if mine.frame.parent === theirs.frame {
                rows = Self.hull(Self.hull(mine.rows, theirs.rows), mine.frame.rowsUnlikeParent).clamped(to: 0..<height)
            }
        }
        var changed: [Int] = []
        // Without clusters a cell is its slot: slots are compared as plain words, a row up to
        // its first change and on from there (a clock's turnover and every frame drawn in
        // full compare the whole screen, a key the input's rows).
        let bytewise = clusters.isEmpty && previous.clusters.isEmpty
        for row in rows {
            let start = row * width
            if bytewise {
                Self.appendChanges(slots, previous.slots, from: start, count: width, to: &changed)
                continue
            }
            for index in start..<(start + width) where !sameCell(index, as: previous) {
                changed.append(index)
            }
        }
        return changed
    }

    /// The cells of a row whose slots differ (most rows of most frames have none).
    private static func appendChanges(_ mine: [Slot], _ theirs: [Slot], from start: Int, count: Int, to changed: inout [Int]) {
        mine.withUnsafeBufferPointer { a in
            theirs.withUnsafeBufferPointer { b in
                var index = start
                let end = start + count
                while index < end, a[index] == b[index] { index += 1 }
                while index < end {
                    if a[index] != b[index] { changed.append(index) }
                    index += 1
                }
            }
        }
    }

    /// The smallest range holding both (an empty one adds nothing).
    private static func hull(_ a: Range<Int>, _ b: Range<Int>) -> Range<Int> {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        return min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
    }

    /// Whether cell `index` looks the same on both canvases (of one size). Clusters compare
    /// as text: their side-table indices differ from canvas to canvas.
    private func sameCell(_ index: Int, as other: Canvas) -> Bool {
        let mine = slots[index], theirs = other.slots[index]
        if mine.code < Self.clusterFlag, theirs.code < Self.clusterFlag { return mine == theirs }
        return mine.look == theirs.look && text(at: index) == other.text(at: index)
    }

    /// The canvas as plain text, one string per row, trailing spaces trimmed.
    public var lines: [String] {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width { line += text(at: row * width + column) }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
    }

    public var text: String { lines.joined(separator: "\n") }

    public static func == (lhs: Canvas, rhs: Canvas) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cursorPosition == rhs.cursorPosition
            && lhs.slots.indices.allSatisfy { lhs.sameCell($0, as: rhs) }
    }
}

extension Canvas {
    /// Every cell in reverse video and back: the projector's flash at a section's time up.
    public mutating func invert() {
        lineage = nil
        for index in slots.indices { slots[index].look ^= 0x200 }
    }
}
