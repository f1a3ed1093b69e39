/// User text made safe inside Markdown: visible control characters, and the characters
/// that would start markup, HTML or break a table escaped. Newlines become `<br>`-free
/// spaces so one note stays one list item or one table cell. Only what Markdown would
/// read as markup is escaped, so `A -> B` stays readable in the source.
public enum MarkdownText {
    public static func inline(_ text: String) -> String {
        var result = escaped(text, atLineStart: true)
        // "1. Brief" inside a list item would start a numbered list.
        if let first = result.first, first.isASCII, first.isNumber, let dot = result.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != result.startIndex,
           result[dot] == "." || result[dot] == ")" {
            result.insert("\\", at: dot)
        }
        return result
    }

    /// User text inside a table cell: a cell holds inline content only, so what would start
    /// a quote, a heading or a list at the start of a line (`+20.0%`, `4.0%`) stays as typed.
    public static func cell(_ text: String) -> String {
        escaped(text, atLineStart: false)
    }

    /// One pass over the characters: Foundation's replacingOccurrences and a Set lookup per
    /// character made the brief of a 100,000-note meeting take seconds to write.
    private static func escaped(_ text: String, atLineStart: Bool) -> String {
        let flat = text.utf8.contains(UInt8(ascii: "\n"))
            ? String(text.lazy.map { $0 == "\n" || $0 == "\r\n" ? " " : $0 }) : text
        let visible = VisibleText.line(flat)
        let leads = atLineStart && visible.utf8.first.map(isLeading) == true
        guard leads || visible.utf8.contains(where: isSpecial) else { return visible }
        var result = ""
        result.reserveCapacity(visible.utf8.count + 16)
        for (offset, character) in visible.enumerated() {
            if character.utf8.count == 1, let byte = character.utf8.first, isSpecial(byte) || (offset == 0 && leads) {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }

    /// Markup anywhere in a line: emphasis, code, links, HTML, table cells, strikethrough, entities.
    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"):
            return true
        default:
            return false
        }
    }

    /// Markup only at the start of a line (where user text lands, as a list item's text):
    /// quote, heading, list item.
    private static func isLeading(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ">") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
    }
}
