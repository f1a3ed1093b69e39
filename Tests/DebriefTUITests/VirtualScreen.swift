import DebriefKit
@testable import DebriefTUI

/// A terminal screen, as xterm and tmux keep one, for the escape sequences of
/// `TerminalCodes.ansi`: what a frame encoder's bytes leave on screen. Writing over
/// either half of a wide character blanks the other half, as those terminals do.
struct VirtualScreen {
    struct Cell: Equatable, CustomStringConvertible {
        var text = " "
        var look = Look()
        var description: String { text.isEmpty ? "·" : text }
    }

    /// The attributes a cell is drawn with.
    struct Look: Equatable {
        var bold = false, dim = false, reverse = false, underline = false
        var foreground: Int?
        var background: Int?
    }

    let width: Int
    let height: Int
    private(set) var cells: [Cell]
    private(set) var row = 0
    private(set) var column = 0
    private(set) var cursorShown = true
    /// A write wrapped past the last row (the screen would have scrolled).
    private(set) var scrolled = false
    private var look = Look()
    /// The cursor sits past the last column: the next character wraps first.
    private var pendingWrap = false

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        cells = Array(repeating: Cell(), count: width * height)
    }

    mutating func feed(_ bytes: [UInt8]) {
        var index = 0
        var text: [UInt8] = []
        func flush() {
            for character in String(decoding: text, as: UTF8.self) { put(character) }
            text.removeAll()
        }
        while index < bytes.count {
            guard bytes[index] == 0x1B, index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "[") else {
                text.append(bytes[index])
                index += 1
                continue
            }
            flush()
            var end = index + 2
            while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
            let parameters = String(decoding: bytes[(index + 2)..<min(end, bytes.count)], as: UTF8.self)
            control(parameters, final: end < bytes.count ? bytes[end] : 0)
            index = end + 1
        }
        flush()
    }

    private mutating func control(_ parameters: String, final: UInt8) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        switch (final, parameters) {
        case (UInt8(ascii: "H"), _):
            row = max(1, numbers.first ?? 1) - 1
            column = max(1, numbers.count > 1 ? numbers[1] : 1) - 1
            pendingWrap = false
        case (UInt8(ascii: "J"), "2"):
            cells = Array(repeating: Cell(text: " ", look: look), count: width * height)
        case (UInt8(ascii: "l"), "?25"): cursorShown = false
        case (UInt8(ascii: "h"), "?25"): cursorShown = true
        case (UInt8(ascii: "m"), _):
            for number in numbers {
                switch number {
                case 0: look = Look()
                case 1: look.bold = true
                case 2: look.dim = true
                case 4: look.underline = true
                case 7: look.reverse = true
                case 30...37: look.foreground = number - 30
                case 40...47: look.background = number - 40
                default: break
                }
            }
        default: break
        }
    }

    private mutating func put(_ character: Character) {
        let columns = DisplayWidth.of(character)
        if pendingWrap || column + columns > width {
            pendingWrap = false
            column = 0
            row += 1
            if row == height { scrolled = true; row = height - 1 }
        }
        let index = row * width + column
        breakWide(at: index)
        cells[index] = Cell(text: String(character), look: look)
        if columns == 2 {
            breakWide(at: index + 1)
            cells[index + 1] = Cell(text: "", look: look)
        }
        column += columns
        if column == width { column = width - 1; pendingWrap = true }
    }

    /// Blanks the other half of a wide character that `index` is half of.
    private mutating func breakWide(at index: Int) {
        let atLineStart = index % width == 0
        if cells[index].text.isEmpty, !atLineStart { cells[index - 1].text = " " }
        if DisplayWidth.of(cells[index].text) == 2, (index + 1) % width != 0 { cells[index + 1].text = " " }
    }

    /// What a canvas should look like here: each cell's text and look, with a wide character
    /// that lost either half shown blank.
    static func expected(_ canvas: Canvas, looks: [RoleLook], dimsText: Bool) -> [Cell] {
        let cells = canvas.cells
        return cells.indices.map { index in
            let cell = cells[index]
            let role = looks[cell.style.role.rawValue]
            let look = Look(bold: cell.style.bold || role.bold, dim: cell.style.dim && dimsText,
                            reverse: cell.style.reverse || role.reverse, underline: cell.style.underline || role.underline,
                            foreground: role.foreground.map { Int($0.rawValue) }, background: role.background.map { Int($0.rawValue) })
            let atLineEnd = (index + 1) % canvas.width == 0
            if cell.text.isEmpty {
                let lead = index % canvas.width == 0 ? nil : cells[index - 1]
                return Cell(text: lead.map { DisplayWidth.of($0.text) == 2 } == true ? "" : " ", look: look)
            }
            if DisplayWidth.of(cell.text) == 2, atLineEnd || !cells[index + 1].text.isEmpty { return Cell(text: " ", look: look) }
            return Cell(text: cell.text, look: look)
        }
    }
}
