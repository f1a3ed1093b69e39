/// The text being typed and the cursor in it, counted in grapheme clusters so the cursor
/// can never land inside an accented letter or an emoji sequence.
public struct NoteEditor: Equatable, Sendable {
    public private(set) var text = ""
    /// Cursor position as a count of characters (grapheme clusters) before it.
    public private(set) var cursor = 0

    public init(text: String = "") {
        self.text = text
        cursor = text.count
    }

    public var isBlank: Bool { text.allSatisfy(\.isWhitespace) }

    public mutating func insert(_ string: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        let prefix = String(text[..<index]) + string
        text = prefix + text[index...]
        // Joining can merge clusters at the seams (a combining accent, a ZWJ): put the
        // cursor after the cluster that holds the last inserted scalar.
        var scalars = 0
        cursor = 0
        for character in text where scalars < prefix.unicodeScalars.count {
            scalars += character.unicodeScalars.count
            cursor += 1
        }
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        let index = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: index)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        text.remove(at: text.index(text.startIndex, offsetBy: cursor))
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = text.count }

    public mutating func clear() {
        text = ""
        cursor = 0
    }
}
