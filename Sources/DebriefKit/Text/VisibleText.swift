/// Makes untrusted text safe for a terminal or an export: control characters, escape
/// sequences, bidi overrides and invisible format characters become visible symbols.
/// Works on Unicode scalars, not bytes (0x9C is a C1 control and a UTF-8 continuation byte).
public enum VisibleText {
    /// Single-line form: every control character, newline and tab included, is shown.
    public static func line(_ text: String) -> String {
        // Nearly all text is safe as it is: every frame shows some, so return it uncopied.
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if let symbol = symbol(for: scalar) {
                result += symbol
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Multi-line form: newlines are kept (a tab becomes spaces); everything else as in `line`.
    public static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0).replacingAll("\t", with: "    ")) }
            .joined(separator: "\n")
    }

    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool { symbol(for: scalar) != nil }

    /// `^[` for C0 controls and DEL (caret notation, as terminals show them);
    /// `\u{202E}`-style for C1 controls and invisible format characters.
    static func symbol(for scalar: Unicode.Scalar) -> String? {
        let value = scalar.value
        switch value {
        case 0x00...0x1F: return "^" + String(UnicodeScalar(UInt8(value + 0x40)))
        case 0x7F: return "^?"
        case 0x80...0x9F: return escaped(value)
        default:
            return isInvisibleFormat(value) ? escaped(value) : nil
        }
    }

    /// Bidi controls (Trojan Source), zero-width spaces and other invisible characters.
    /// Joiners and variation selectors are kept: emoji sequences need them. Tag characters
    /// (U+E0000–U+E007F) are shown: they can spell whole hidden sentences ("ASCII
    /// smuggling"), and the only emoji that use them (subdivision flags) still read as a flag.
    private static func isInvisibleFormat(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x00AD, 0x180E, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029,
             0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0xFFF9...0xFFFB,
             0xE0000...0xE007F:
            return true
        default:
            return false
        }
    }

    private static func escaped(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
