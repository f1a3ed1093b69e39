#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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

    public static let currencies = ["US$", "CA$", "AU$", "A$", "C$", "€", "$", "£", "¥", "₹", "₩", "kr", "CHF", "EUR", "USD", "GBP", "JPY", "SEK", "NOK", "DKK", "PLN", "CAD", "AUD"]
    private static let upperCurrencies = currencies.map { ($0, $0.uppercased()) }

    /// Whether a cell means "no value".
    public static func isMissing(_ cell: String) -> Bool {
        isMissing(trimmed: trimmed(cell))
    }

    static func isMissing(trimmed text: String) -> Bool {
        // Most cells hold a value that starts with a digit, or are longer than any of the
        // words: no need to fold them.
        if let first = text.utf8.first, (0x30...0x39).contains(first) { return false }
        return text.utf8.count <= 8 && missingWords.contains(text.lowercased())
    }

    /// Plain digits with at most one point (`18400`, `3.1`): most cells, read directly.
    private static func plain(_ text: String) -> Double? {
        var points = 0
        for byte in text.utf8 {
            if byte == 0x2E { points += 1; continue }
            guard (0x30...0x39).contains(byte) else { return nil }
        }
        guard points <= 1, text.utf8.count <= 15 else { return nil }
        return Double(text)
    }

    /// The number a cell spells, or why it is not one.
    /// `decimalComma`: the file is semicolon-separated, as spreadsheets set to a language
    /// with a decimal comma export it; there a single point before three digits groups
    /// (`12.400`) and a single comma is decimal (`1,234` is one point two three four).
    /// Works on Unicode scalars, not characters: a 10,000-row file has 100,000 numbers.
    public static func parse(_ cell: String, decimalComma: Bool = false) -> Result<ParsedNumber, NumberProblem> {
        parse(trimmed: trimmed(cell), decimalComma: decimalComma)
    }

    static func parse(trimmed whole: String, decimalComma: Bool) -> Result<ParsedNumber, NumberProblem> {
        // In a decimal-comma file a point groups: `12.400` takes the long way.
        if !decimalComma || !whole.utf8.contains(0x2E), let value = plain(whole) { return .success(ParsedNumber(value: value)) }
        var text = Array(whole.unicodeScalars)[...]
        guard let first = text.first else { return .failure(.notANumber) }
        if first == "=" || first == "@" { return .failure(.formula) }
        if first == "#" { return .failure(.spreadsheetError) }
        var number = ParsedNumber(value: 0)
        var negative = false
        if first == "(" && text.last == ")" {
            negative = true
            text = text.dropFirst().dropLast()
        }
        sign(&text, &negative)
        if let sign = currency(in: &text) { number.currency = sign }
        sign(&text, &negative)
        if text.last == "%" {
            number.isPercent = true
            text = text.dropLast()
            trimSpaces(&text)
        }
        if number.currency == nil, let sign = currency(in: &text) { number.currency = sign }
        var scale = 1.0
        if let last = text.last, last.properties.isAlphabetic {
            for (suffix, factor) in suffixes where hasSuffix(text, suffix) {
                var rest = text.dropLast(suffix.count)
                trimSpaces(&rest)
                guard let digit = rest.last, isDigit(digit) else { continue }
                text = rest
                scale = factor
                break
            }
        }
        guard !number.isPercent || scale == 1 else { return .failure(.notANumber) }
        guard let plain = plainDecimal(text, decimalComma: decimalComma), let value = Double(plain) else {
            return .failure(.notANumber)
        }
        let result = (negative ? -value : value) * scale
        guard result.isFinite, abs(result) < 1e15 else { return .failure(.tooLarge) }
        number.value = result == 0 ? 0 : result
        return .success(number)
    }

    private static let suffixes: [([Unicode.Scalar], Double)] =
        [("BN", 1e9), ("MN", 1e6), ("MIO", 1e6), ("K", 1e3), ("M", 1e6), ("B", 1e9)].map { (Array($0.0.unicodeScalars), $0.1) }
    private static let currencyScalars: [(String, [Unicode.Scalar])] = currencies.map { ($0, Array($0.uppercased().unicodeScalars)) }
    private static let spaces: Set<Unicode.Scalar> = [" ", "\u{A0}", "\u{202F}", "\u{2009}", "'", "’"]

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// ASCII letters folded to upper case, for matching `eur`, `k`, `Mio`.
    private static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("a"..."z").contains(scalar) ? Unicode.Scalar(scalar.value - 32)! : scalar
    }

    private static func hasPrefix(_ text: ArraySlice<Unicode.Scalar>, _ token: [Unicode.Scalar]) -> Bool {
        text.count >= token.count && zip(text, token).allSatisfy { upper($0) == $1 }
    }

    private static func hasSuffix(_ text: ArraySlice<Unicode.Scalar>, _ token: [Unicode.Scalar]) -> Bool {
        text.count >= token.count && zip(text.suffix(token.count), token).allSatisfy { upper($0) == $1 }
    }

    private static func trimSpaces(_ text: inout ArraySlice<Unicode.Scalar>) {
        while let first = text.first, first == " " || first == "\u{A0}" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\u{A0}" { text = text.dropLast() }
    }

    /// Takes a leading sign (`-`, `−`, `+`) off `text`.
    private static func sign(_ text: inout ArraySlice<Unicode.Scalar>, _ negative: inout Bool) {
        trimSpaces(&text)
        if let first = text.first, first == "-" || first == "−" || first == "+" {
            if first != "+" { negative.toggle() }
            text = text.dropFirst()
            trimSpaces(&text)
        }
    }

    /// A cell or word that is a currency alone (`usd`, `€`), as `currencies` spells it.
    public static func currency(named text: String) -> String? {
        let scalars = Array(text.unicodeScalars.map(upper))
        return currencyScalars.first { $0.1 == scalars }?.0
    }

    /// Takes a currency sign or code off either end of `text`.
    private static func currency(in text: inout ArraySlice<Unicode.Scalar>) -> String? {
        guard let first = text.first, let last = text.last,
              !(isDigit(first) && (isDigit(last) || last == "%")) else { return nil }
        for (sign, token) in currencyScalars {
            if hasPrefix(text, token) {
                text = text.dropFirst(token.count)
                trimSpaces(&text)
                return sign
            }
            if hasSuffix(text, token), text.count > token.count {
                text = text.dropLast(token.count)
                trimSpaces(&text)
                return sign
            }
        }
        return nil
    }

    /// `18,400` → `18400`, `1.234,5` → `1234.5`, `3,1` → `3.1`; nil if separators are
    /// not where grouping or a decimal mark can be.
    static func plainDecimal(_ text: ArraySlice<Unicode.Scalar>, decimalComma: Bool = false) -> String? {
        guard let first = text.first, isDigit(first) || first == "." || first == "," else { return nil }
        if text.contains(where: { $0 == "e" || $0 == "E" }) {
            guard text.allSatisfy({ isDigit($0) || "eE+-.".unicodeScalars.contains($0) }) else { return nil }
            return String(String.UnicodeScalarView(text))
        }
        var marks: [(index: Int, mark: Unicode.Scalar)] = []
        for index in text.indices where !isDigit(text[index]) {
            let scalar = text[index]
            if scalar == "," || scalar == "." {
                marks.append((index, scalar))
            } else if !spaces.contains(scalar) {
                return nil
            }
        }
        var decimal: Int?
        if marks.contains(where: { $0.mark == "," }) && marks.contains(where: { $0.mark == "." }) {
            // Both kinds: the last is the decimal mark (`1,234.5`, `1.234,5`), used once.
            let last = marks[marks.count - 1]
            guard marks.filter({ $0.mark == last.mark }).count == 1 else { return nil }
            decimal = last.index
        } else if marks.count == 1 {
            // One mark once: a comma before exactly three digits groups (`18,400`) unless the
            // whole part is 0 (`0,410`); otherwise, and a point always, it is decimal. In a
            // decimal-comma file the two swap.
            let (index, mark) = marks[0]
            let whole = text[..<index], fraction = text[(index + 1)...]
            let wholeDigits = whole.filter(isDigit)
            let groups = mark == (decimalComma ? "." : ",") && fraction.count == 3 && fraction.allSatisfy(isDigit)
                && !wholeDigits.isEmpty && wholeDigits != ["0"] && !whole.contains(where: spaces.contains)
            decimal = groups ? nil : index
        }
        // Grouping marks sit between groups of three digits.
        var digits: [UInt8] = []
        var groups: [Int] = [0]
        for scalar in text[..<(decimal ?? text.endIndex)] {
            if isDigit(scalar) {
                digits.append(UInt8(scalar.value))
                groups[groups.count - 1] += 1
            } else {
                groups.append(0)
            }
        }
        if groups.count > 1 {
            guard (1...3).contains(groups[0]), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        if let decimal {
            let fraction = text[(decimal + 1)...]
            guard fraction.allSatisfy(isDigit), !(digits.isEmpty && fraction.isEmpty) else { return nil }
            if digits.isEmpty { digits = [0x30] }
            digits.append(0x2E)
            digits += fraction.isEmpty ? [0x30] : fraction.map { UInt8($0.value) }
        }
        return digits.isEmpty ? nil : String(decoding: digits, as: UTF8.self)
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}"
    }

    static func trimmed(_ text: String) -> String {
        // Most cells have nothing to trim: check the ends before scanning.
        if let first = text.utf8.first, let last = text.utf8.last,
           (0x21..<0x80).contains(first), (0x21..<0x80).contains(last) { return text }
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return text }
        if !isBlank(first) && !isBlank(last) { return text }
        return text.trimming { TrimSet.isWhitespaceOrNewline($0) || $0 == "\u{A0}" || $0 == "\u{202F}" || $0 == "\u{FEFF}" }
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
