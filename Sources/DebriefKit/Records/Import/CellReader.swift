/// Reads one cell as the value its column holds: numbers as people write them, yes/no in
/// the usual spellings, ratings as `4`, `4/5` or stars, choices by any of their names.
/// Text is kept as written, formula-looking text too: it is never evaluated (exports
/// defuse it). An empty cell is a missing value, never 0.
enum CellReader {
    /// What a cell gave: nothing (missing), a value, or why it cannot be one.
    enum Outcome: Equatable {
        case missing
        case value(FieldValue, ParsedNumber?)
        case problem(String)
    }

    static let yes: Set<String> = ["yes", "y", "true", "1", "x", "✓", "✔", "✅", "on time", "ok", "ja", "oui", "sí", "si"]
    static let no: Set<String> = ["no", "n", "false", "0", "✗", "✘", "❌", "late", "nein", "non"]

    /// A cell as a message quotes it (built only for a problem: most cells have none).
    private static func quote(_ text: String) -> String { "'\(String(text.prefix(40)))'" }

    static func read(_ cell: String, as column: RecordColumn, decimalComma: Bool = false) -> Outcome {
        let text = NumberSpelling.trimmed(cell)
        if text.utf8.count > Limits.dataCellBytes {
            return .problem("a cell of \(Limits.size(text.utf8.count)) is over the limit of \(Limits.size(Limits.dataCellBytes))")
        }
        if case .text = column.type {
            return text.isEmpty ? .missing : .value(.text(text), nil)
        }
        if NumberSpelling.isMissing(trimmed: text) { return .missing }
        var quoted: String { quote(text) }
        switch column.type {
        case .text:
            return .value(.text(text), nil)
        case .choice(let options):
            let name = RecordColumn.normalized(text)
            guard let option = options.first(where: { $0.matches(normalized: name) }) else {
                return .problem("\(quoted) is not one of \(options.map(\.value).joined(separator: ", "))")
            }
            return .value(.text(option.value), nil)
        case .currency:
            guard let sign = NumberSpelling.currency(named: text) else {
                return .problem("\(quoted) is not a currency Debrief knows (\(NumberSpelling.currencies.joined(separator: ", ")))")
            }
            return .value(.text(sign), nil)
        case .yesNo:
            let folded = text.lowercased()
            if yes.contains(folded) { return .value(.bool(true), nil) }
            if no.contains(folded) { return .value(.bool(false), nil) }
            return .problem("\(quoted) is not yes or no")
        case .rating:
            return rating(text, decimalComma)
        case .number, .money, .percent:
            return number(text, column, decimalComma)
        }
    }

    private static func rating(_ text: String, _ decimalComma: Bool) -> Outcome {
        var quoted: String { quote(text) }
        let stars = text.filter { $0 == "★" || $0 == "⭐" }.count
        var value: Double?
        if stars > 0, text.allSatisfy({ "★⭐☆ ".contains($0) }) {
            value = Double(stars)
        } else {
            let whole = text.split(separator: "/").first.map(String.init) ?? text
            if text.contains("/") && !text.hasSuffix("/5") && !text.hasSuffix("/ 5") { return .problem("\(quoted): a rating is out of 5") }
            value = try? NumberSpelling.parse(trimmed: NumberSpelling.trimmed(whole), decimalComma: decimalComma).get().value
        }
        guard let value, value == value.rounded(), (1...5).contains(value) else {
            return .problem("\(quoted) is not a rating: write a whole number from 1 to 5")
        }
        return .value(.number(value), nil)
    }

    private static func number(_ text: String, _ column: RecordColumn, _ decimalComma: Bool) -> Outcome {
        var quoted: String { quote(text) }
        let parsed: ParsedNumber
        switch NumberSpelling.parse(trimmed: text, decimalComma: decimalComma) {
        case .success(let number): parsed = number
        case .failure(let problem): return .problem("\(quoted) \(problem.explanation)")
        }
        if parsed.value < 0 && !column.allowsNegative {
            return .problem("\(quoted) is negative; \(column.title.lowercased()) cannot be below 0")
        }
        switch column.type {
        case .percent where parsed.currency != nil:
            return .problem("\(quoted) is money; \(column.title) is a percentage")
        case .money where parsed.isPercent:
            return .problem("\(quoted) is a percentage; \(column.title) is money")
        case .number where parsed.isPercent && !column.allowsNegative, .number where parsed.currency != nil && !column.allowsNegative:
            // Only a KPI's target and actual (which may be anything) take a unit with them.
            return .problem("\(quoted) has a unit; \(column.title.lowercased()) is a plain number")
        default:
            return .value(.number(parsed.value), parsed)
        }
    }
}
