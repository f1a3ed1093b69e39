/// The text being typed and the cursor in it, counted in grapheme clusters so the cursor
/// can never land inside an accented letter or an emoji sequence. Multi-line: lines are
/// separated by "\n". Every change can be undone.
public struct NoteEditor: Equatable, Sendable {
    public private(set) var text = ""
    /// Cursor position as a count of characters (grapheme clusters) before it.
    public private(set) var cursor = 0
    /// `text.count`, kept: counting clusters walks the whole text, and typing at the end
    /// (nearly every keystroke) needs to know the cursor is there.
    private var length = 0 {
        didSet { assert(length == text.count) }
    }
    private var undoStack: [Snapshot] = []
    /// Whether the last change was typing a character of a word, so a word undoes at once.
    private var isTypingWord = false

    private struct Snapshot: Equatable, Sendable {
        var text: String
        var cursor: Int
    }

    static let undoLimit = 200

    public init(text: String = "") {
        self.text = text
        cursor = text.count
        length = cursor
    }

    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }
    public var cursorIsAtEnd: Bool { cursor == length }
    public var canUndo: Bool { !undoStack.isEmpty }

    // MARK: Changing the text

    public mutating func insert(_ string: String) {
        guard !string.isEmpty else { return }
        if cursor == length, appendsPlainCharacter(string) { return }
        let continuesWord = string.count == 1 && !string.contains(where: \.isWhitespace)
        if !(continuesWord && isTypingWord) { saveUndo() }
        let index = text.index(text.startIndex, offsetBy: cursor)
        var joined = String(text[..<index])
        joined += string
        let seam = joined.endIndex
        joined += text[index...]
        // Joining can merge clusters at the seams (a combining accent, a ZWJ): put the
        // cursor after the cluster that holds the last inserted scalar. One linear walk.
        var position = joined.startIndex
        cursor = 0
        while position < seam {
            position = joined.index(after: position)
            cursor += 1
        }
        text = joined
        length = text.count
        isTypingWord = continuesWord
    }

    /// Typing at the end, the common case: one printable ASCII character after an ASCII one
    /// (or none) starts a cluster of its own, so it is appended without rebuilding the text.
    /// False (nothing done) for anything else.
    private mutating func appendsPlainCharacter(_ string: String) -> Bool {
        guard string.utf8.count == 1, let byte = string.utf8.first, byte >= 0x20, byte < 0x7F,
              text.utf8.last.map({ $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A }) ?? true else { return false }
        let continuesWord = byte != 0x20
        if !(continuesWord && isTypingWord) { saveUndo() }
        text.append(string)
        cursor += 1
        length += 1
        isTypingWord = continuesWord
        return true
    }

    public mutating func insertNewline() { insert("\n") }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        replace(cursor - 1..<cursor, cursorAfter: cursor - 1)
    }

    public mutating func deleteForward() {
        guard cursor < length else { return }
        replace(cursor..<cursor + 1, cursorAfter: cursor)
    }

    /// Ctrl-W: the word before the cursor and the spaces after it.
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        guard start < cursor else { return }
        replace(start..<cursor, cursorAfter: start)
    }

    /// Ctrl-K: to the end of the line; at the end of a line, the line break.
    public mutating func killToLineEnd() {
        let end = lineEnd(from: cursor)
        guard cursor < length else { return }
        replace(cursor..<(end == cursor ? cursor + 1 : end), cursorAfter: cursor)
    }

    /// Ctrl-U: from the start of the line to the cursor, as in shells and readline.
    public mutating func killToLineStart() {
        let start = lineStart(from: cursor)
        guard start < cursor else { return }
        replace(start..<cursor, cursorAfter: start)
    }

    public mutating func undo() {
        guard let last = undoStack.popLast() else { return }
        text = last.text
        length = text.count
        cursor = last.cursor
        isTypingWord = false
    }

    /// Replaces everything (history, editing a saved note); undoable.
    public mutating func setText(_ newText: String) {
        saveUndo()
        text = newText
        cursor = newText.count
        length = cursor
    }

    /// Empties the editor and forgets its undo history (a note was saved).
    public mutating func clear() {
        self = NoteEditor()
    }

    // MARK: Moving the cursor

    public mutating func moveLeft() { move(to: cursor - 1) }
    public mutating func moveRight() { move(to: cursor + 1) }
    public mutating func moveWordLeft() { move(to: wordStart(before: cursor)) }

    public mutating func moveWordRight() {
        let characters = Array(text)
        var position = cursor
        while position < characters.count, !isWordCharacter(characters[position]) { position += 1 }
        while position < characters.count, isWordCharacter(characters[position]) { position += 1 }
        move(to: position)
    }

    public mutating func moveLineStart() { move(to: lineStart(from: cursor)) }
    public mutating func moveLineEnd() { move(to: lineEnd(from: cursor)) }
    public mutating func moveHome() { move(to: 0) }
    public mutating func moveEnd() { move(to: length) }

    /// Up one line, keeping the column (in characters) where it can. False on the first line.
    @discardableResult
    public mutating func moveUp() -> Bool {
        let start = lineStart(from: cursor)
        guard start > 0 else { return false }
        let column = cursor - start
        let previousStart = lineStart(from: start - 1)
        move(to: min(previousStart + column, start - 1))
        return true
    }

    /// Down one line, keeping the column where it can. False on the last line.
    @discardableResult
    public mutating func moveDown() -> Bool {
        let end = lineEnd(from: cursor)
        guard end < length else { return false }
        let column = cursor - lineStart(from: cursor)
        move(to: min(end + 1 + column, lineEnd(from: end + 1)))
        return true
    }

    // MARK: Helpers

    private mutating func move(to position: Int) {
        cursor = min(max(0, position), length)
        isTypingWord = false
    }

    private mutating func replace(_ range: Range<Int>, cursorAfter: Int) {
        saveUndo()
        let lower = text.index(text.startIndex, offsetBy: range.lowerBound)
        let upper = text.index(lower, offsetBy: range.count)
        text.removeSubrange(lower..<upper)
        length = text.count
        // Removing can join clusters around the gap (a ZWJ left alone): stay in range.
        cursor = min(cursorAfter, length)
        isTypingWord = false
    }

    private mutating func saveUndo() {
        let snapshot = Snapshot(text: text, cursor: cursor)
        guard undoStack.last != snapshot else { return }
        undoStack.append(snapshot)
        if undoStack.count > Self.undoLimit { undoStack.removeFirst() }
    }

    private func wordStart(before position: Int) -> Int {
        let characters = Array(text)
        var start = position
        while start > 0, !isWordCharacter(characters[start - 1]) { start -= 1 }
        while start > 0, isWordCharacter(characters[start - 1]) { start -= 1 }
        return start
    }

    private func lineStart(from position: Int) -> Int {
        let characters = Array(text)
        var start = min(position, characters.count)
        while start > 0, characters[start - 1] != "\n" { start -= 1 }
        return start
    }

    private func lineEnd(from position: Int) -> Int {
        let characters = Array(text)
        var end = position
        while end < characters.count, characters[end] != "\n" { end += 1 }
        return end
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        !character.isWhitespace && !character.isPunctuation
    }
}
