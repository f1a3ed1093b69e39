#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one-line form that adds a row to the section's table or corrects it, typed in the
/// note input at typing speed:
///
///     = reach target 1.2M actual 1.05M source history
///     = @lena followers 18.4k er 3.1% organic 2.4% fee €900
///     = Unboxing reel views 120k er 4.2% hook "opens on the parcel"
///
/// `=` starts a form (a line without it is a note, as always). The words up to the first
/// column name name the row (the KPI, the handle, the piece); then each column name is
/// followed by its value, up to the next column name. Column names are the table's
/// columns, their titles and the header aliases the importer knows (`er`, `source`,
/// `fee`…). A value that holds a column's name goes in quotes. `-` makes a value missing.
public enum RecordFormParser {
    public static let prefix: Character = "="

    /// Whether the typed line is a form rather than a note.
    public static func isForm(_ typed: String) -> Bool {
        typed.first { !$0.isWhitespace } == prefix
    }

    public struct Form: Equatable, Sendable {
        /// The row's name as typed (a KPI, a handle, a piece).
        public var key: String
        /// Each field given, in the order typed; nil makes it missing.
        public var fields: [(String, FieldValue?)]

        public static func == (lhs: Form, rhs: Form) -> Bool {
            lhs.key == rhs.key && lhs.fields.map(\.0) == rhs.fields.map(\.0) && lhs.fields.map(\.1) == rhs.fields.map(\.1)
        }
    }

    /// The form, or a sentence saying what to fix (nothing is recorded then). `isRowName`
    /// says whether words name a row already in the table: such a name may hold a column's
    /// name unquoted (`= conversion goal target 500`, where goal also names the target).
    public static func parse(_ typed: String, table: RecordTable,
                             isRowName: (String) -> Bool = { _ in false }) -> Result<Form, FormError> {
        var body = Substring(typed.drop { $0.isWhitespace })
        guard body.first == prefix else { return .failure(FormError("A table line starts with =")) }
        body = body.dropFirst()
        let words: [Word]
        switch split(body) {
        case .success(let split): words = split
        case .failure(let error): return .failure(error)
        }
        let columns = Array(table.columns.dropFirst())
        var index = keyLength(words, columns, isRowName: isRowName)
        let key = words[..<index].map(\.text).joined(separator: " ")
        guard !key.isEmpty else {
            // The first word named a column: perhaps it begins a new row's name.
            let quoting = words.first.map { Self.quoting($0.text) } ?? ""
            return .failure(FormError("Name the \(rowName(table)) first: \(example(table))\(quoting)"))
        }
        var fields: [(String, FieldValue?)] = []
        var unit: String?
        var currency: String?
        while index < words.count {
            guard let (column, length) = match(words, at: index, columns) else { break }
            let name = words[index..<index + length].map(\.text).joined(separator: " ")
            index += length
            var valueWords: [String] = []
            while index < words.count, match(words, at: index, columns) == nil {
                valueWords.append(words[index].text)
                index += 1
            }
            guard !valueWords.isEmpty else {
                // Right after a new row's name, a column's name with no value may be the name's.
                let quoting = fields.isEmpty && !isRowName(key) ? Self.quoting(name) : ""
                return .failure(FormError("\(column.title) needs a value after it (- makes it missing)\(quoting)"))
            }
            switch value(valueWords.joined(separator: " "), for: column) {
            case .success(let (value, number)):
                fields.append((column.key, value))
                // A KPI typed as 3.1% or €0.12 is counted in that unit, unless the form says.
                if table == .kpis, let number, number.isPercent || number.currency != nil {
                    unit = unit ?? (number.isPercent ? "percent" : "money")
                }
                // Money keeps the sign it was typed with: `fee $900` reads back `$900`.
                currency = currency ?? number?.currency
            case .failure(let error): return .failure(error)
            }
        }
        if let unit, !fields.contains(where: { $0.0 == "unit" }) { fields.append(("unit", .text(unit))) }
        let currencyKey = RecordColumn.currency.key
        if let currency, table.column(currencyKey) != nil, !fields.contains(where: { $0.0 == currencyKey }) {
            fields.append((currencyKey, .text(currency)))
        }
        return .success(Form(key: key, fields: fields))
    }

    /// What the form for one cell looks like, for the table's Enter: `= reach actual 1.05M`.
    public static func typedForm(key: String, column: RecordColumn, value: FieldValue?) -> String {
        var text = "= " + key + " " + typingName(of: column)
        guard let value else { return text + " " }
        switch value {
        case .number(let x):
            let plain = x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
            text += " " + plain + (column.type == .percent ? "%" : "")
        case .text(let s): text += " " + (s.split(separator: " ").contains { isColumnWord(String($0)) } ? "\"\(s)\"" : s)
        case .bool(let b): text += b ? " yes" : " no"
        }
        return text
    }

    /// The shortest name that a form reads as this column.
    public static func typingName(of column: RecordColumn) -> String {
        if let preferred = preferredNames[column.key] { return preferred }
        if !column.key.contains("_") { return column.key }
        let names = ([column.key.replacingAll("_", with: " "), column.title] + column.aliases)
            .map(RecordColumn.normalized).filter { !$0.isEmpty && !$0.contains(" ") }
        return names.min { $0.count < $1.count } ?? RecordColumn.normalized(column.key)
    }

    public struct FormError: Error, Equatable, Sendable {
        public let message: String
        init(_ message: String) { self.message = message }
    }

    // MARK: - Words and column names

    private struct Word {
        var text: String
        /// Quoted words are always values, never column names.
        var quoted: Bool
    }

    private static func split(_ body: Substring) -> Result<[Word], FormError> {
        var words: [Word] = []
        var current = ""
        var inQuotes = false
        for character in body {
            if character == "\"" || character == "“" || character == "”" {
                if inQuotes { words.append(Word(text: current, quoted: true)); current = "" }
                inQuotes.toggle()
            } else if character.isWhitespace, !inQuotes {
                if !current.isEmpty { words.append(Word(text: current, quoted: false)) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if inQuotes { return .failure(FormError("A quote is not closed: close it with \"")) }
        if !current.isEmpty { words.append(Word(text: current, quoted: false)) }
        return .success(words)
    }

    /// The hint for a row's name that holds a column's name.
    private static func quoting(_ name: String) -> String { " · a name holding \"\(name)\" goes in quotes" }

    /// How many words name the row: the longest run of first words that names a row already
    /// in the table and is followed by a column's name (or ends the form), else those before
    /// the first column's name.
    private static func keyLength(_ words: [Word], _ columns: [RecordColumn], isRowName: (String) -> Bool) -> Int {
        for length in stride(from: words.count, through: 1, by: -1)
        where length == words.count || match(words, at: length, columns) != nil {
            if isRowName(words[..<length].map(\.text).joined(separator: " ")) { return length }
        }
        var length = 0
        while length < words.count, match(words, at: length, columns) == nil { length += 1 }
        return length
    }

    /// The column named at `index` (one to three words, longest first) and how many words
    /// its name takes.
    private static func match(_ words: [Word], at index: Int, _ columns: [RecordColumn]) -> (RecordColumn, Int)? {
        for length in stride(from: min(3, words.count - index), through: 1, by: -1) {
            let slice = words[index..<index + length]
            // Every word must be part of the name: "actual -" is a column and its value.
            guard !slice.contains(where: { $0.quoted || RecordColumn.normalized($0.text).isEmpty }) else { continue }
            let name = RecordColumn.normalized(slice.map(\.text).joined(separator: " "))
            guard !name.isEmpty else { continue }
            if let column = columns.first(where: { names(of: $0).contains(name) }) { return (column, length) }
        }
        return nil
    }

    /// A column's names in a form: its key, its title, the import aliases, and a few
    /// shorter ones for typing (`organic` for Organic ER).
    private static func names(of column: RecordColumn) -> [String] {
        var names = [column.key.replacingAll("_", with: " "), column.title] + column.aliases
        names += typingAliases[column.key] ?? []
        // "@" and "#" fold to nothing: they name the row, not a column.
        return names.map(RecordColumn.normalized).filter { !$0.isEmpty }
    }

    /// The names a cell's form is written with: the shortest that still reads.
    private static let preferredNames = ["target_source": "source", "sponsored_er": "er", "organic_er": "organic",
                                         "draft_on_time": "draft", "brief_detail": "brief", "brand_timing": "brand"]

    private static let typingAliases: [String: [String]] = [
        "organic_er": ["organic", "oer"],
        "sponsored_er": ["sponsored", "ser"],
        "target_source": ["src"],
        "draft_on_time": ["draft", "ontime"],
        "brief_detail": ["brief"],
        "brand_timing": ["brand"],
    ]

    private static func isColumnWord(_ word: String) -> Bool {
        let name = RecordColumn.normalized(word)
        return RecordTable.allCases.contains { table in table.columns.contains { names(of: $0).contains(name) } }
    }

    // MARK: - Values

    private static let missingWords: Set<String> = ["-", "—", "–", "none", "missing", "n/a", "na"]

    /// A value read as a file's cell is (`CellReader`: the same spellings, the same checks),
    /// with the unit it was written with.
    private static func value(_ text: String, for column: RecordColumn) -> Result<(FieldValue?, ParsedNumber?), FormError> {
        if missingWords.contains(text.lowercased()) { return .success((nil, nil)) }
        switch CellReader.read(text, as: column) {
        case .missing: return .success((nil, nil))
        case .value(let value, let number): return .success((value, number))
        case .problem(let why): return .failure(FormError("\(column.title): \(why)"))
        }
    }

    private static func rowName(_ table: RecordTable) -> String {
        switch table {
        case .kpis: "KPI"
        case .creators: "creator"
        case .content: "piece"
        }
    }

    /// A form for the table, as the hints and messages show it.
    public static func example(_ table: RecordTable) -> String {
        switch table {
        case .kpis: "= reach target 1.2M actual 1.05M source history"
        case .creators: "= @lena followers 18.4k er 3.1% organic 2.4%"
        case .content: "= Unboxing reel views 120k er 4.2%"
        }
    }
}
