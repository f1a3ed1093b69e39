/// User text made safe inside Markdown: visible control characters, and the characters
/// that would start markup, HTML or break a table escaped. Newlines become `<br>`-free
/// spaces so one note stays one list item or one table cell.
public enum MarkdownText {
    public static func inline(_ text: String) -> String {
        // One pass over the characters: Foundation's replacingOccurrences and a Set lookup
        // per character made the brief of a 100,000-note meeting take seconds to write.
        let flat = text.utf8.contains(UInt8(ascii: "\n"))
            ? String(text.lazy.map { $0 == "\n" || $0 == "\r\n" ? " " : $0 }) : text
        let visible = VisibleText.line(flat)
        guard visible.utf8.contains(where: isSpecial) else { return visible }
        var result = ""
        result.reserveCapacity(visible.utf8.count + 16)
        for character in visible {
            if character.utf8.count == 1, isSpecial(character.utf8.first!) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// `\ ` * _ [ ] < > | # ! ~ &`: what would start markup, HTML or a table cell.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "#"),
             UInt8(ascii: "!"), UInt8(ascii: "~"), UInt8(ascii: "&"):
            return true
        default:
            return false
        }
    }
}
