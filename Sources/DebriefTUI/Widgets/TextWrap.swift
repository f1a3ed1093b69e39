import DebriefKit
import Synchronization

/// Word wrapping by display width, the one wrapper of the app: CJK and emoji count double,
/// a control character as wide as it is shown, words longer than the line are broken,
/// explicit newlines start new lines. The note input uses the rows as ranges (its cursor
/// moves over them); everything else reads them as lines of text.
public enum TextWrap {
    /// Every frame wraps the same prompts and notes again; remembering the last few hundred
    /// results makes a keystroke's frame cheap. Cleared when full: simple, and bounded.
    private static let cache = Mutex<[CacheKey: [String]]>([:])
    private static let cacheLimit = 512

    private struct CacheKey: Hashable {
        var text: String
        var width: Int
    }

    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let key = CacheKey(text: text, width: width)
        if let known = cache.withLock({ $0[key] }) { return known }
        let result = wrap(text, width: width)
        cache.withLock { cache in
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[key] = result
        }
        return result
    }

    /// The rows as text, trailing spaces trimmed. Plain ASCII is cut from its bytes (its rows'
    /// offsets are byte offsets): an array of its Characters was most of the cost of wrapping
    /// an agenda's prompts for a meeting's first frame.
    private static func wrap(_ text: String, width: Int) -> [String] {
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            guard isPlain(bytes) else { return nil }
            return rows(ofCells: bytes.lazy.map(asciiCell), width: width, rowAfterOverflow: false).map {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self).trimmingTrailingSpaces
            }
        }
        if let plain, let plain { return plain }
        let characters = Array(text)
        return rows(ofCells: cells(of: characters), width: width, rowAfterOverflow: false).map {
            String(characters[$0]).trimmingTrailingSpaces
        }
    }

    /// The text cut into screen rows, as ranges of character offsets: by word, at "\n",
    /// and inside a word only when the word is wider than the row. Spaces never wrap: they
    /// stay at the end of their row, so the note input's cursor can sit on them.
    /// - Parameter rowAfterOverflow: when spaces at the very end hang past `width`, an empty
    ///   row follows them: the cursor (which cannot go past the row) goes on to where the
    ///   next word will start instead of staying put, so a typed space always shows.
    public static func rows(_ text: String, width: Int, rowAfterOverflow: Bool = false) -> [Range<Int>] {
        // The note input wraps on every keystroke. Plain ASCII (most typing) is wrapped from
        // its bytes in place: a byte is a character and a column, and no array of cells is
        // made per key. Anything else is measured a Character at a time.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            isPlain(bytes) ? rows(ofCells: bytes.lazy.map(asciiCell), width: width, rowAfterOverflow: rowAfterOverflow) : nil
        }
        if let plain, let plain { return plain }
        return rows(ofCells: cells(of: text), width: width, rowAfterOverflow: rowAfterOverflow)
    }

    /// `rows` from the cells of the text (see `cells(of:)`).
    static func rows<Cells: RandomAccessCollection<Int>>(ofCells cells: Cells, width: Int, rowAfterOverflow: Bool)
        -> [Range<Int>] where Cells.Index == Int {
        var rows: [Range<Int>] = []
        var lineStart = 0
        var lastRowWidth = 0
        for index in 0...cells.count where index == cells.count || cells[index] == newline {
            lastRowWidth = wrapLine(cells, lineStart..<index, width: width, into: &rows)
            lineStart = index + 1
        }
        if rowAfterOverflow, lastRowWidth > width, cells.last == space {
            rows.append(cells.count..<cells.count)
        }
        return rows
    }

    /// Printable ASCII and line breaks only: every byte a character of one column (or a break).
    static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for byte in bytes where !((byte >= 0x20 && byte < 0x7F) || byte == 0x0A) { return false }
        return true
    }

    private static func asciiCell(_ byte: UInt8) -> Int { byte == 0x0A ? newline : byte == 0x20 ? space : 1 }

    /// What wrapping needs of each character: its columns, or that it is a space or a line
    /// break. (Plain ASCII gives the same cells byte by byte: `TextWrapTests` checks it.)
    static func cells(of characters: some Sequence<Character>) -> [Int] {
        characters.map { $0 == "\n" ? newline : $0 == " " ? space : columns($0) }
    }

    private static let newline = -1
    /// A space: one column, and a place to break.
    private static let space = -2

    /// - Returns: the columns of the line's last row, its hanging spaces included.
    @discardableResult
    private static func wrapLine<Cells: RandomAccessCollection<Int>>(_ cells: Cells, _ line: Range<Int>, width: Int,
                                                                      into rows: inout [Range<Int>]) -> Int where Cells.Index == Int {
        var rowStart = line.lowerBound
        var rowWidth = 0
        var lastBreak: Int?
        var index = line.lowerBound
        while index < line.upperBound {
            if cells[index] == space {
                rowWidth += 1
                lastBreak = index + 1
                index += 1
                continue
            }
            let characterWidth = cells[index]
            if rowWidth + characterWidth > width, index > rowStart {
                let breakAt = lastBreak.map { $0 > rowStart ? $0 : index } ?? index
                rows.append(rowStart..<breakAt)
                rowStart = breakAt
                rowWidth = cells[rowStart..<index].reduce(0) { $0 + ($1 == space ? 1 : $1) }
                lastBreak = nil
                continue
            }
            rowWidth += characterWidth
            index += 1
        }
        rows.append(rowStart..<line.upperBound)
        return rowWidth
    }

    /// Columns a character takes on screen, as shown (a control character shows as ^X).
    public static func columns(_ character: Character) -> Int {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        return DisplayWidth.of(VisibleText.line(String(character)))
    }
}

extension TextWrap {
    /// Text on one row of `width` columns: whole when it fits, else cut at a word and ending
    /// in "…" (inside a word only when the first word alone is too wide), so nobody reads
    /// half a word or half a title as whole. A separator left dangling at the cut goes too.
    public static func cut(_ text: String, width: Int) -> String {
        // Most titles have no newline: a search for one byte is cheaper than a replace, and
        // the header cuts its title on every frame.
        let line = text.utf8.contains(UInt8(ascii: "\n")) ? text.replacingAll("\n", with: " ") : text
        guard DisplayWidth.of(line) > width else { return line }
        guard width > 1 else { return "" }
        var kept = lines(line, width: width - 1).first ?? ""
        while let last = kept.last, kept.count > 1, [" ", "·", "/"].contains(last) { kept.removeLast() }
        return kept + "…"
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
