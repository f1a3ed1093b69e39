import DebriefKit

/// Turns a frame into the bytes that put it on screen, given the frame before it: only the
/// cells that changed, each run of them after one cursor move and one change of style.
/// Pure (a frame and codes in, bytes out); it remembers what it left on the terminal (the
/// cursor's place, the style, whether the cursor shows) so a typed letter is one byte.
///
/// Why not curses' own refresh: it compares its own copies of the screen and, on every
/// refresh, hashes lines to look for scrolling (which no public setting turns off), a third
/// of what a typed key cost. The canvas already knows which cells changed.
public struct FrameEncoder: Sendable {
    private let codes: TerminalCodes
    private let looks: [RoleLook]
    private let dimsText: Bool
    /// Each style's sequence, made once, by its look (`Canvas.look(of:)`, packed by
    /// `sequenceIndex`): a style change is then one append. An array, not a dictionary:
    /// hashing a style cost more than drawing a cell.
    private var sequences: [[UInt8]?] = Array(repeating: nil, count: 1 << 9)
    /// Each cursor move made so far, by row and then column: expanding `cup` through
    /// terminfo costs more than drawing a typed key's frame, and the clock moves to the same
    /// places every second. Empty where none was made yet.
    private var moves: [[[UInt8]]] = []
    /// Where a run of plain cells is put together (`appendPlainRun`): three bytes a column.
    private var scratch: [UInt8] = []
    /// Where the terminal's cursor is, when known: a run that starts there needs no move.
    private var row = -1
    private var column = -1
    /// The style the terminal draws in, as a canvas stores it (`Canvas.look(at:)`, one
    /// integer to compare a cell with); nil when unknown or plain after a reset.
    private var look: UInt32?
    private var cursorShown: Bool?
    /// A typed character drawn ahead of its frame (`noteEchoed`): the cell it went to, and
    /// what it put there, which the next frame finds on screen already.
    private var echoed: (index: Int, byte: UInt8, look: UInt32)?

    /// `looks` holds each role's look by raw value (`RoleLook.looks`); `dimsText` whether
    /// dim text is drawn dim.
    public init(codes: TerminalCodes, looks: [RoleLook], dimsText: Bool) {
        self.codes = codes
        self.looks = looks
        self.dimsText = dimsText
    }

    /// Appends what turns the screen showing `previous` into `canvas`; with no previous frame
    /// (or one of another size), clears the screen and draws every cell. Nothing when the
    /// frames and cursors are the same.
    public mutating func encode(_ canvas: Canvas, since previous: Canvas?, into bytes: inout [UInt8]) {
        let full = previous == nil || previous?.width != canvas.width || previous?.height != canvas.height
        if full {
            bytes += codes.reset
            bytes += codes.clear
            (row, column, look) = (0, 0, nil)
        }
        let last = canvas.width * canvas.height - 1
        var drawn = -1  // the last cell drawn
        // What an echo put on screen is on screen: the frame that shows it writes it no more,
        // and one that does not (a key the model took otherwise) draws its own cell there.
        let echoed = full ? nil : self.echoed
        self.echoed = nil
        var echoedCellChanged = false
        let changed = canvas.changedCells(since: full ? nil : previous)
        var position = 0
        while position < changed.count {
            let index = changed[position]
            position += 1
            if index == last, codes.lastCellScrolls { continue }
            if let echoed, index == echoed.index {
                echoedCellChanged = true
                if canvas.asciiByte(at: index) == echoed.byte, canvas.look(at: index) == echoed.look { continue }
            }
            // Most cells: printable ASCII characters and plain symbols (a rule's ─) from where
            // the cursor stands, in the style the terminal draws in. Their UTF-8 alone, a run
            // at a time (a tenth of what `draw` costs a cell).
            if row >= 0, index == row * canvas.width + column, canvas.look(at: index) == look,
               canvas.plainScalar(at: index) != nil {
                position = appendPlainRun(changed, from: position - 1, of: canvas,
                                          before: codes.lastCellScrolls ? last : nil, echoed: echoed?.index, into: &bytes)
                drawn = changed[position - 1]
                continue
            }
            if case .continuation = canvas.content(at: index), Self.isRightHalf(index, of: canvas) {
                // Drawn with its left half; a left half that did not change is drawn again,
                // since the terminal may have blanked it when this cell was drawn over.
                if drawn != index - 1 { draw(index - 1, of: canvas, into: &bytes) }
            } else {
                draw(index, of: canvas, into: &bytes)
            }
            drawn = index
        }
        if let echoed, !echoedCellChanged, canvas.asciiByte(at: echoed.index) != echoed.byte || canvas.look(at: echoed.index) != echoed.look {
            draw(echoed.index, of: canvas, into: &bytes)
        }
        if let cursor = canvas.cursor {
            if cursor.y != row || cursor.x != column { appendMove(cursor.y, cursor.x, to: &bytes) }
            (row, column) = (cursor.y, cursor.x)
            if cursorShown != true { bytes += codes.showCursor }
            cursorShown = true
        } else if cursorShown != false {
            bytes += codes.hideCursor
            cursorShown = false
        }
    }

    /// A typed character drawn ahead of its frame, as the frame will show it (see
    /// `IncrementalScreen.echoPlace`): one printable ASCII byte where the terminal's cursor
    /// stands, over a cell that holds one too (a blank, or the empty input's hint), so a
    /// typed letter is on screen before the model has taken it. Worked out before the key
    /// comes (`prepareEcho`): what goes before the character (a change of style, most often
    /// nothing) and what the encoder will know once it is out (`noteEchoed`). A terminal
    /// prepares it before it waits, so a key's read is followed by its write and little else.
    public struct PreparedEcho: Sendable {
        public let prefix: [UInt8]
        fileprivate let index: Int
        fileprivate let look: UInt32
    }

    /// The echo of a printable ASCII character at (`x`, `y`) in `style`, over `shown` (the
    /// frame on screen): nil unless the cursor shows at that cell and the character keeps
    /// to its row.
    public mutating func prepareEcho(x: Int, y: Int, style echoStyle: Style, over shown: Canvas) -> PreparedEcho? {
        guard cursorShown == true, y == row, x == column, x + 1 < shown.width, y < shown.height,
              shown.cursor.map({ $0 == (x, y) }) == true, echoed == nil else { return nil }
        let index = y * shown.width + x
        // Over a narrow character only: no wide character loses a half.
        guard shown.asciiByte(at: index) != nil else { return nil }
        let echoLook = Canvas.look(of: echoStyle)
        let prefix = echoLook != look ? sequence(for: echoStyle, look: echoLook) : []
        return PreparedEcho(prefix: prefix, index: index, look: echoLook)
    }

    /// `prepared`'s prefix and then `byte` went out.
    public mutating func noteEchoed(_ prepared: PreparedEcho, byte: UInt8) {
        look = prepared.look
        column += 1
        echoed = (prepared.index, byte, prepared.look)
    }

    /// Draws one cell (a wide character's two), after a move unless the cursor is there and a
    /// change of style unless it is the terminal's.
    private mutating func draw(_ index: Int, of canvas: Canvas, into bytes: inout [UInt8]) {
        let (cellRow, cellColumn) = index.quotientAndRemainder(dividingBy: canvas.width)
        if cellRow != row || cellColumn != column { appendMove(cellRow, cellColumn, to: &bytes) }
        // Looks and styles match one to one; a look is one integer to compare.
        let cellLook = canvas.look(at: index)
        if cellLook != look {
            bytes += sequence(for: canvas.style(at: index), look: cellLook)
            look = cellLook
        }
        (row, column) = (cellRow, cellColumn + 1)
        if let scalar = canvas.plainScalar(at: index) {
            Self.appendPlain(scalar, to: &bytes)
            if column >= canvas.width { row = -1 }
            return
        }
        switch canvas.content(at: index) {
        case .scalar(let scalar) where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value):
            bytes.append(0x3F)  // a control character (the canvas shows none) never goes out raw
        case .scalar(let scalar) where fits(Character(scalar), at: index, of: canvas):
            Self.append(scalar, to: &bytes)
            row = -1  // the terminal's idea of its width could differ from ours: move next time
        case .cluster(let text) where fits(Character(text), at: index, of: canvas):
            for scalar in text.unicodeScalars { Self.append(scalar, to: &bytes) }
            row = -1
        default:
            // A right half whose left half was drawn over, or a wide character whose right half
            // was: blank, as a terminal shows it once either half is written over.
            bytes.append(0x20)
        }
        // At the right edge the cursor waits to wrap, differently from one terminal to
        // another: the next run moves.
        if column >= canvas.width { row = -1 }
    }

    private mutating func appendMove(_ row: Int, _ column: Int, to bytes: inout [UInt8]) {
        guard row >= 0, column >= 0 else { return bytes += codes.moveCursor(row, column) }
        if row >= moves.count { moves += Array(repeating: [], count: row + 1 - moves.count) }
        if column >= moves[row].count { moves[row] += Array(repeating: [], count: column + 1 - moves[row].count) }
        if moves[row][column].isEmpty { moves[row][column] = codes.moveCursor(row, column) }
        bytes += moves[row][column]
    }

    /// A plain cell's scalar (`Canvas.plainScalar`) as UTF-8: one byte, or two or three
    /// for the symbols (all below U+10000).
    private static func appendPlain(_ value: UInt32, to bytes: inout [UInt8]) {
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else {
            UTF8.encode(Unicode.Scalar(value).unsafelyUnwrapped) { bytes.append($0) }
        }
    }

    /// Writes the changed cells from `changed[start]` on, where the cursor stands, as long as
    /// they follow each other on its row, are plain (`Canvas.plainScalar`) and in the
    /// terminal's style: their UTF-8 alone. Stops before `stop` (the bottom-right cell, when
    /// writing it scrolls) and the echoed cell, which the caller looks at. Returns the
    /// position after the run (at least one cell: the caller checked the first).
    /// The bytes go to `scratch` first and to `bytes` in one copy: appending them one by one
    /// cost three times as much (each append checks the array is unshared and has room).
    private mutating func appendPlainRun(_ changed: [Int], from start: Int, of canvas: Canvas, before stop: Int?,
                                         echoed: Int?, into bytes: inout [UInt8]) -> Int {
        let rowStart = row * canvas.width
        let width = canvas.width
        var column = self.column
        var position = start
        var buffer: [UInt8] = []
        swap(&buffer, &scratch)
        if buffer.count < 3 * width { buffer = Array(repeating: 0, count: 3 * width) }
        let look = self.look
        let count = buffer.withUnsafeMutableBufferPointer { out in
            var count = 0
            while position < changed.count, column < width {
                let index = changed[position]
                guard index == rowStart + column, index != stop, index != echoed || position == start,
                      canvas.look(at: index) == look, let value = canvas.plainScalar(at: index) else { break }
                if value < 0x80 {
                    out[count] = UInt8(value)
                    count += 1
                } else if value < 0x800 {
                    out[count] = UInt8(0xC0 | value >> 6)
                    out[count + 1] = UInt8(0x80 | value & 0x3F)
                    count += 2
                } else {  // every plain symbol is below U+10000
                    out[count] = UInt8(0xE0 | value >> 12)
                    out[count + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                    out[count + 2] = UInt8(0x80 | value & 0x3F)
                    count += 3
                }
                column += 1
                position += 1
            }
            return count
        }
        bytes.append(contentsOf: buffer[0..<count])
        swap(&buffer, &scratch)
        self.column = column
        if column >= width { row = -1 }
        return position
    }

    /// Whether a character drawn at `index` keeps its whole width: a wide one needs the
    /// continuation cell after it, and not the bottom-right cell where writing scrolls.
    private func fits(_ character: Character, at index: Int, of canvas: Canvas) -> Bool {
        if (index + 1) % canvas.width != 0, case .continuation = canvas.content(at: index + 1),
           !(codes.lastCellScrolls && index + 2 == canvas.width * canvas.height) {
            return true
        }
        return DisplayWidth.of(character) < 2
    }

    /// Appends what leaves the terminal as curses believes it is before curses writes to it
    /// again (to resize, suspend or end): plain style, cursor shown, at `row`, `column`.
    /// What the terminal shows afterwards is unknown here until the next full frame.
    public mutating func handBack(cursorAt row: Int, column: Int, into bytes: inout [UInt8]) {
        bytes += codes.reset
        bytes += codes.showCursor
        appendMove(row, column, to: &bytes)
        (self.row, self.column, look, cursorShown, echoed) = (-1, -1, nil, nil, nil)
    }

    /// Whether the continuation cell at `index` is the right half of the wide character
    /// before it, drawn with it; not when that cell was drawn over with a narrow one.
    private static func isRightHalf(_ index: Int, of canvas: Canvas) -> Bool {
        guard index % canvas.width > 0 else { return false }
        switch canvas.content(at: index - 1) {
        case .continuation: return false
        case .scalar(let scalar): return DisplayWidth.of(Character(scalar)) == 2
        case .cluster(let text): return text.first.map(DisplayWidth.of) == 2
        }
    }

    /// A scalar's UTF-8, with a control character as `?`.
    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) {
            bytes.append(0x3F)
        } else if value < 0x80 {
            bytes.append(UInt8(value))
        } else {
            UTF8.encode(scalar) { bytes.append($0) }
        }
    }

    /// Where a look's sequence is kept: its role (below 32) and its four attributes.
    private static func sequenceIndex(_ look: UInt32) -> Int? {
        look & 0xFF < 32 ? Int(look & 0x1F | (look & 0xF00) >> 3) : nil
    }

    private mutating func sequence(for style: Style, look packed: UInt32) -> [UInt8] {
        let slot = Self.sequenceIndex(packed)
        if let slot, let known = sequences[slot] { return known }
        let look = looks.indices.contains(style.role.rawValue) ? looks[style.role.rawValue] : RoleLook()
        var sequence = codes.reset
        if style.bold || look.bold { sequence += codes.bold }
        if style.dim && dimsText { sequence += codes.dim }
        // Reverse twice is still reverse: curses ORs attributes, and so do we.
        if style.reverse || look.reverse { sequence += codes.reverse }
        if style.underline || look.underline { sequence += codes.underline }
        if let color = look.foreground, codes.foreground.indices.contains(Int(color.rawValue)) {
            sequence += codes.foreground[Int(color.rawValue)]
        }
        if let color = look.background, codes.background.indices.contains(Int(color.rawValue)) {
            sequence += codes.background[Int(color.rawValue)]
        }
        if let slot { sequences[slot] = sequence }
        return sequence
    }
}
