/// User text made safe inside Markdown: visible control characters, and the characters
/// that would start markup, HTML or break a table escaped. Newlines become `<br>`-free
/// spaces so one note stays one list item or one table cell.
public enum MarkdownText {
    private static let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "!", "~", "&"]

    public static func inline(_ text: String) -> String {
        var result = ""
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        for character in VisibleText.line(flat) {
            if special.contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
