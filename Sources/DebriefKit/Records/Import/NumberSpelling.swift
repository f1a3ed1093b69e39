import Foundation

/// Numbers as people write them in spreadsheets and platform exports: `18,400`, `18 400`,
/// `1.2M`, `$12k`, `€0.41`, `3.1%`, `(250)`, `1.234,5`, `3,1`. The rules, in README.md
/// ("Number formats"), in short: grouping is a comma, a point, a space or an apostrophe
/// between groups of three; the last point or comma is the decimal mark unless it is a
/// grouping mark by that rule (`18,400` is eighteen thousand four hundred, `3,1` three
/// point one, `1.234` one point two three four: a single point is always decimal).
public struct ParsedNumber: Equatable, Sendable {
    public var value: Double
    public var isPercent = false
    /// The currency sign or code written with it (`€`, `$`, `EUR`), if any.
    public var currency: String?
}

public enum NumberSpelling {
    /// Cells that mean "no value": left missing, never read as 0.
    static let missingWords: Set<String> = ["", "-", "–", "—", "n/a", "na", "#n/a", "null", "none", "nil", "?", "tbd", "tbc", "unknown"]

    static let currencies = ["US$", "CA$", "AU$", "A$", "C$", "€", "$", "£", "¥", "₹", "₩", "kr", "CHF", "EUR", "USD", "GBP", "JPY", "SEK", "NOK", "DKK", "PLN", "CAD", "AUD"]

    /// Whether a cell means "no value".
    public static func isMissing(_ cell: String) -> Bool {
        missingWords.contains(trimmed(cell).lowercased())
    }

    /// The number a cell spells, or why it is not one.
    /// `decimalComma`: the file is semicolon-separated, as spreadsheets set to a language
    /// with a decimal comma export it; there a single point before three digits groups
    /// (`12.400`) and a single comma is decimal (`1,234` is one point two three four).
    public static func parse(_ cell: String, decimalComma: Bool = false) -> Result<ParsedNumber, NumberProblem> {
        var text = Substring(trimmed(cell))
        var number = ParsedNumber(value: 0)
        if text.first == "=" || text.first == "@" { return .failure(.formula) }
        if text.hasPrefix("#") { return .failure(.spreadsheetError) }
        var negative = false
        if text.first == "(" && text.last == ")" {
            negative = true
            text = text.dropFirst().dropLast()
        }
        text = strip(&negative, from: text)
        if let sign = currency(in: &text) { number.currency = sign }
        text = strip(&negative, from: text)
        if text.last == "%" {
            number.isPercent = true
            text = text.dropLast().drop { $0 == " " }
            text = Substring(trimmed(String(text)))
        }
        if number.currency == nil, let sign = currency(in: &text) { number.currency = sign }
        var scale = 1.0
        for (suffix, factor) in [("bn", 1e9), ("mn", 1e6), ("mio", 1e6), ("k", 1e3), ("m", 1e6), ("b", 1e9)]
        where text.lowercased().hasSuffix(suffix) {
            let rest = text.dropLast(suffix.count)
            let number = rest.prefix(upTo: rest.lastIndex(where: { $0 != " " }).map { rest.index(after: $0) } ?? rest.startIndex)
            guard number.last?.isNumber == true else { continue }
            text = number
            scale = factor
            break
        }
        guard number.isPercent == false || scale == 1 else { return .failure(.notANumber) }
        guard let plain = plainDecimal(String(text), decimalComma: decimalComma), let value = Double(plain) else { return .failure(.notANumber) }
        let result = (negative ? -value : value) * scale
        guard result.isFinite, abs(result) < 1e15 else { return .failure(.tooLarge) }
        number.value = result == 0 ? 0 : result
        return .success(number)
    }

    /// Takes a leading sign (`-`, `−`, `+`) off `text`.
    private static func strip(_ negative: inout Bool, from text: Substring) -> Substring {
        var text = text.drop { $0 == " " }
        if let first = text.first, first == "-" || first == "−" || first == "+" {
            if first != "+" { negative.toggle() }
            text = text.dropFirst().drop { $0 == " " }
        }
        return text
    }

    /// Takes a currency sign or code off either end of `text`.
    private static func currency(in text: inout Substring) -> String? {
        for sign in currencies {
            if text.uppercased().hasPrefix(sign.uppercased()) {
                text = text.dropFirst(sign.count).drop { $0 == " " || $0 == "\u{A0}" }
                return sign
            }
            if text.uppercased().hasSuffix(sign.uppercased()), text.count > sign.count {
                text = Substring(trimmed(String(text.dropLast(sign.count))))
                return sign
            }
        }
        return nil
    }

    /// `18,400` → `18400`, `1.234,5` → `1234.5`, `3,1` → `3.1`; nil if separators are
    /// not where grouping or a decimal mark can be.
    static func plainDecimal(_ text: String, decimalComma: Bool = false) -> String? {
        let spaces: Set<Character> = [" ", "\u{A0}", "\u{202F}", "\u{2009}", "'", "’"]
        guard let first = text.first, first.isASCII, first.isNumber || first == "." || first == "," else { return nil }
        if text.contains(where: { $0 == "e" || $0 == "E" }) {
            return text.allSatisfy({ $0.isASCII && ($0.isNumber || "eE+-.".contains($0)) }) ? text : nil
        }
        guard text.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." || spaces.contains($0) }) else { return nil }
        let marks = text.filter { $0 == "," || $0 == "." }
        let kinds = Set(marks)
        var decimal: Character?
        if kinds.count == 2 {
            // Both kinds: the last is the decimal mark (`1,234.5`, `1.234,5`), used once.
            decimal = marks.last
            guard marks.filter({ $0 == decimal }).count == 1 else { return nil }
        } else if let mark = marks.first, marks.count == 1 {
            // One mark once: a comma before exactly three digits groups (`18,400`) unless the
            // whole part is 0 (`0,410`); otherwise, and a point always, it is decimal. In a
            // decimal-comma file the two swap.
            let parts = text.split(separator: mark, omittingEmptySubsequences: false)
            let whole = parts[0].filter(\.isNumber), fraction = parts[1].filter(\.isNumber)
            let groups = mark == (decimalComma ? "." : ",") && fraction.count == 3 && parts[1].count == 3 && !whole.isEmpty && whole != "0"
                && !parts[0].contains(where: { spaces.contains($0) })
            decimal = groups ? nil : mark
        }
        let grouping = kinds.subtracting(decimal.map { [$0] } ?? []).union(spaces)
        let cut = decimal.flatMap { text.lastIndex(of: $0) }
        let whole = cut.map { String(text[..<$0]) } ?? text
        // Grouping marks sit between groups of three digits.
        let groups = whole.split(omittingEmptySubsequences: false, whereSeparator: { grouping.contains($0) })
        if groups.count > 1 {
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        var plain = groups.joined()
        if let cut {
            let fraction = text[text.index(after: cut)...]
            guard fraction.allSatisfy({ $0.isASCII && $0.isNumber }), !(plain.isEmpty && fraction.isEmpty) else { return nil }
            plain = (plain.isEmpty ? "0" : plain) + "." + (fraction.isEmpty ? "0" : fraction)
        }
        return plain.isEmpty ? nil : plain
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines.union(["\u{A0}", "\u{202F}", "\u{FEFF}"]))
    }
}

/// Why a cell is not a number, in words for the person who exported it.
public enum NumberProblem: Error, Equatable, Sendable {
    case notANumber, formula, spreadsheetError, tooLarge

    public var explanation: String {
        switch self {
        case .notANumber: "is not a number"
        case .formula: "looks like a formula; it was not evaluated: export the values, not the formulas"
        case .spreadsheetError: "is a spreadsheet error, not a number: fix the formula or leave the cell empty"
        case .tooLarge: "is too large to be a campaign figure"
        }
    }
}
