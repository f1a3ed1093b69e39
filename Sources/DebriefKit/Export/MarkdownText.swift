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
        var result = ""
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        let visible = VisibleText.line(flat)
        for (offset, character) in visible.enumerated() {
            if special.contains(character) || (offset == 0 && leading.contains(character)) { result.append("\\") }
            result.append(character)
        }
        // "1. Brief" inside a list item would start a numbered list.
        if let dot = result.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != result.startIndex,
           result[dot] == "." || result[dot] == ")" {
            result.insert("\\", at: dot)
        }
        return result
    }
}
