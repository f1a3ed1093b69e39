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
    /// Each style's sequence, made once: a style change is then one append.
    private var sequences: [Style: [UInt8]] = [:]
    /// Each cursor move made so far, by row and column: expanding `cup` through terminfo
    /// costs more than drawing a typed key's frame, and the clock moves to the same places
    /// every second.
    private var moves: [Int: [UInt8]] = [:]
    /// Where the terminal's cursor is, when known: a run that starts there needs no move.
    private var row = -1
    private var column = -1
    /// The style the terminal draws in; nil when unknown or plain after a reset.
    private var style: Style?
    /// That style as a canvas stores it (`Canvas.look(at:)`), to compare cells cheaply.
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
            (row, column, style, look) = (0, 0, nil, nil)
        }
        let last = canvas.width * canvas.height - 1
        var drawn = -1  // the last cell drawn
        // What an echo put on screen is on screen: the frame that shows it writes it no more,
        // and one that does not (a key the model took otherwise) draws its own cell there.
        let echoed = full ? nil : self.echoed
        self.echoed = nil
        var echoedCellChanged = false
        for index in canvas.changedCells(since: full ? nil : previous) {
            if index == last, codes.lastCellScrolls { continue }
            if let echoed, index == echoed.index {
                echoedCellChanged = true
                if canvas.asciiByte(at: index) == echoed.byte, canvas.look(at: index) == echoed.look { continue }
            }
            // Most cells: a printable ASCII character where the cursor stands, in the style
            // the terminal draws in. The byte alone (a tenth of what `draw` costs a cell).
            if row >= 0, index == row * canvas.width + column, let byte = canvas.asciiByte(at: index),
               canvas.look(at: index) == look {
                bytes.append(byte)
                column += 1
                if column >= canvas.width { row = -1 }
                drawn = index
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
            if cursor.y != row || cursor.x != column { bytes += move(cursor.y, cursor.x) }
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
        fileprivate let style: Style
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
        let prefix = echoLook != look && echoStyle != style ? sequence(for: echoStyle) : []
        return PreparedEcho(prefix: prefix, index: index, style: echoStyle, look: echoLook)
    }

    /// `prepared`'s prefix and then `byte` went out.
    public mutating func noteEchoed(_ prepared: PreparedEcho, byte: UInt8) {
        if prepared.look != look { (style, look) = (prepared.style, prepared.look) }
        column += 1
        echoed = (prepared.index, byte, prepared.look)
    }

    /// Draws one cell (a wide character's two), after a move unless the cursor is there and a
    /// change of style unless it is the terminal's.
    private mutating func draw(_ index: Int, of canvas: Canvas, into bytes: inout [UInt8]) {
        let (cellRow, cellColumn) = index.quotientAndRemainder(dividingBy: canvas.width)
        if cellRow != row || cellColumn != column { bytes += move(cellRow, cellColumn) }
        let cellStyle = canvas.style(at: index)
        if cellStyle != style {
            bytes += sequence(for: cellStyle)
            style = cellStyle
        }
        look = canvas.look(at: index)
        (row, column) = (cellRow, cellColumn + 1)
        switch canvas.content(at: index) {
        case .scalar(let scalar) where DisplayWidth.isPlainCell(scalar):
            if scalar.value < 0x80 { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
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

    private mutating func move(_ row: Int, _ column: Int) -> [UInt8] {
        let key = row << 16 | column
        if let known = moves[key] { return known }
        let move = codes.moveCursor(row, column)
        moves[key] = move
        return move
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
        bytes += move(row, column)
        (self.row, self.column, style, look, cursorShown, echoed) = (-1, -1, nil, nil, nil, nil)
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

    private mutating func sequence(for style: Style) -> [UInt8] {
        if let known = sequences[style] { return known }
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
        sequences[style] = sequence
        return sequence
    }
}
