/// User text made safe inside Markdown: visible control characters, and the characters
/// that would start markup, HTML or break a table escaped. Newlines become `<br>`-free
/// spaces so one note stays one list item or one table cell. Only what Markdown would
/// read as markup is escaped, so `A -> B` stays readable in the source.
public enum MarkdownText {
    /// Markup anywhere in a line: emphasis, code, links, HTML, table cells, strikethrough, entities.
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", "|", "~", "&"]
    /// Markup only at the start of a line (where user text can land, as a list item's text):
    /// quote, heading, list item.
    private static let leading: Set<Character> = [">", "#", "-", "+"]

    public static func inline(_ text: String) -> String {
        var result = cell(text)
        if let first = result.first, leading.contains(first) { result.insert("\\", at: result.startIndex) }
        // "1. Brief" inside a list item would start a numbered list.
        if let dot = result.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != result.startIndex,
           result[dot] == "." || result[dot] == ")" {
            result.insert("\\", at: dot)
        }
        return result
    }

    /// User text inside a table cell: a cell holds inline content only, so what would start
    /// a quote, a heading or a list at the start of a line (`+20.0%`, `4.0%`) stays as typed.
    public static func cell(_ text: String) -> String {
        var result = ""
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        let visible = VisibleText.line(flat)
        for character in visible {
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
