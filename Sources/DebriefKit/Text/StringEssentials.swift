#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few string operations Debrief used from full Foundation (`trimmingCharacters`,
/// `replacingOccurrences`, `padding`, `String(format:)`), written over the standard library
/// so the meeting binary needs only FoundationEssentials (no ICU: see README
/// "Benchmarks"). Same results as Foundation's for the sets Debrief used; named apart from
/// them so a file that imports both compiles.
extension StringProtocol {
    /// Without leading and trailing spaces and tabs (Foundation's `.whitespaces`).
    public func trimmingWhitespace() -> String { trimming(where: TrimSet.isWhitespace) }

    /// Without leading and trailing spaces, tabs and line breaks (`.whitespacesAndNewlines`).
    public func trimmingWhitespaceAndNewlines() -> String { trimming(where: TrimSet.isWhitespaceOrNewline) }

    /// Without the leading and trailing Unicode scalars `drop` accepts.
    public func trimming(where drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let end = scalars.index(after: scalars.lastIndex(where: { !drop($0) })!)
        // Nothing to trim: the same text, sharing its storage (a typed note is then kept once,
        // not once in the input history and again in the meeting).
        if start == scalars.startIndex, end == scalars.endIndex { return String(self) }
        // Scalar boundaries are UTF-8 boundaries: the bytes are copied, not re-encoded.
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// Every occurrence of `target` replaced, compared literally (scalar by scalar, so `\n`
    /// is found inside `\r\n`, as Foundation's `replacingOccurrences` finds it).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        let text = String(self)
        guard !target.isEmpty else { return text }
        let needle = Array(target.unicodeScalars)
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= needle.count, scalars.contains(needle[0]) else { return text }
        var out = String.UnicodeScalarView()
        var index = 0
        var changed = false
        while index < scalars.count {
            if scalars[index] == needle[0], index + needle.count <= scalars.count,
               scalars[index..<(index + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: replacement.unicodeScalars)
                index += needle.count
                changed = true
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return changed ? String(out) : text
    }

    /// Cut or padded with spaces to `length` UTF-16 units, as Foundation's
    /// `padding(toLength:withPad: " ", startingAt: 0)` does.
    public func padded(toLength length: Int) -> String {
        let units = utf16.count
        if units >= length { return String(decoding: Array(utf16.prefix(length)), as: UTF16.self) }
        return String(self) + String(repeating: " ", count: length - units)
    }
}

/// The character sets of Foundation's trimming, as predicates on Unicode scalars (the
/// lists of CoreFoundation's whitespace sets, which Foundation used).
public enum TrimSet {
    /// `CharacterSet.whitespaces`: space separators (Zs), the tab and U+200B.
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// `CharacterSet.whitespacesAndNewlines`: the above, U+000A…U+000D, U+0085, U+2028, U+2029.
    public static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isWhitespace(scalar)
        }
    }
}

/// `String(format:)` without Foundation: C's printf formatting (vsnprintf), which is what
/// Foundation's did for the numeric formats Debrief uses (`%04d`, `%.1f`, `%04X`).
public enum CFormat {
    public static func string(_ format: String, _ arguments: CVarArg...) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let needed = Int(withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) })
        guard needed >= 0 else { return "" }
        if needed >= buffer.count {
            buffer = [CChar](repeating: 0, count: needed + 1)
            _ = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return String(decoding: buffer.prefix(needed).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
