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

    /// The rows as text, trailing spaces trimmed.
    private static func wrap(_ text: String, width: Int) -> [String] {
        let characters = Array(text)
        return rows(text, width: width).map { String(characters[$0]).trimmingTrailingSpaces }
    }

    /// The text cut into screen rows, as ranges of character offsets: by word, at "\n",
    /// and inside a word only when the word is wider than the row. Spaces never wrap: they
    /// stay at the end of their row, so the note input's cursor can sit on them.
    /// - Parameter rowAfterOverflow: when spaces at the very end hang past `width`, an empty
    ///   row follows them: the cursor (which cannot go past the row) goes on to where the
    ///   next word will start instead of staying put, so a typed space always shows.
    public static func rows(_ text: String, width: Int, rowAfterOverflow: Bool = false) -> [Range<Int>] {
        let cells = cells(of: text)
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

    /// What wrapping needs of each character: its columns, or that it is a space or a line
    /// break. The note input wraps on every keystroke: plain ASCII (most typing) is read a
    /// byte at a time, without splitting the text into Characters.
    private static func cells(of text: String) -> [Int] {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) {
            return text.utf8.map { $0 == 0x0A ? newline : $0 == 0x20 ? space : 1 }
        }
        return text.map { $0 == "\n" ? newline : $0 == " " ? space : columns($0) }
    }

    private static let newline = -1
    /// A space: one column, and a place to break.
    private static let space = -2

    /// - Returns: the columns of the line's last row, its hanging spaces included.
    @discardableResult
    private static func wrapLine(_ cells: [Int], _ line: Range<Int>, width: Int, into rows: inout [Range<Int>]) -> Int {
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
