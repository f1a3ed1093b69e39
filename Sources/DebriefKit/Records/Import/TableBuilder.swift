/// Turns a recognised file's rows into typed rows, collecting every problem (a ragged row,
/// a cell that is not what its column holds, a row without its name, a name repeated).
struct TableBuilder {
    let file: String
    let header: CSVReader.Row
    private(set) var match: TableRecognizer.Match
    /// Semicolon-separated: numbers are read with a decimal comma (see `NumberSpelling`).
    let decimalComma: Bool
    private var problems: [DataProblem] = []
    private var notes: [DataProblem] = []

    init(file: String, header: CSVReader.Row, match: TableRecognizer.Match, decimalComma: Bool) {
        self.decimalComma = decimalComma
        self.file = file
        self.header = header
        self.match = match
    }

    consuming func build(_ rows: ArraySlice<CSVReader.Row>) throws(DataImportError) -> ImportedTable {
        leaveOutCounts(rows)
        let table = match.table
        var result: [ImportedTable.Row] = []
        // Columns in file order (problems come in column order), looked up once, not per cell.
        let order = match.columns.keys.sorted().map { ($0, match.columns[$0]!) }
        var parsed = Array(repeating: [ParsedNumber](), count: order.count)
        // The first currency written in the file: a row's money without a sign is in it.
        // A header may name it (`Fee (EUR)`): then it is every cell's below.
        var fileCurrency: String?
        let headerCurrencies = order.map { index, _ in RecordColumn.headerCurrency(header.cells[index])?.currency }
        for row in rows {
            guard shape(of: row) else { continue }
            var fields: [String: FieldValue] = [:]
            fields.reserveCapacity(order.count + 1)
            var units: [ParsedNumber] = []
            var rowCurrency: String?
            for (position, (index, column)) in order.enumerated() where index < row.cells.count {
                switch CellReader.read(row.cells[index], as: column, decimalComma: decimalComma) {
                case .missing: break
                case .value(let value, let number):
                    fields[column.key] = value
                    if let number {
                        rowCurrency = rowCurrency ?? number.currency ?? headerCurrencies[position]
                        parsed[position].append(number)
                        if column.key == "target" || column.key == "actual" { units.append(number) }
                    }
                case .problem(let message):
                    problems.append(DataProblem(file: file, line: row.line, column: index + 1,
                                                header: NumberSpelling.trimmed(header.cells[index]), message))
                }
            }
            let key = table.keyColumn
            if fields[key.key] == nil, let index = match.columns.first(where: { $0.value == key })?.key {
                problems.append(DataProblem(file: file, line: row.line, column: index + 1, header: key.title,
                                            "the row has no \(key.title): every row needs one"))
            }
            // A KPI written as `4%` or `€0.50` says its unit, unless the file has a unit column.
            if table == .kpis, fields["unit"] == nil {
                if units.contains(where: \.isPercent) {
                    fields["unit"] = .text(KPIUnit.percent.rawValue)
                } else if units.contains(where: { $0.currency != nil }) {
                    fields["unit"] = .text(KPIUnit.money.rawValue)
                }
            }
            let currencyKey = RecordColumn.currency.key
            if fields[currencyKey] == nil, table.column(currencyKey) != nil, let rowCurrency {
                fields[currencyKey] = .text(rowCurrency)
            }
            fileCurrency = fileCurrency ?? fields[currencyKey]?.text
            result.append(ImportedTable.Row(line: row.line, fields: fields))
        }
        if let fileCurrency {
            for index in result.indices where result[index].fields[RecordColumn.currency.key] == nil
                && RecordCurrency.holdsMoney(table, result[index].fields) {
                result[index].fields[RecordColumn.currency.key] = .text(fileCurrency)
            }
        }
        let imported = ImportedTable(file: file, table: table, rows: result, ignoredColumns: match.ignored, notes: [])
        problems += DataImport.duplicates(across: [imported])
        guard problems.isEmpty else { throw DataImportError(problems) }
        noteUnits(Dictionary(uniqueKeysWithValues: zip(order.map(\.1.key), parsed)))
        if !match.ignored.isEmpty {
            notes.insert(DataProblem(file: file, line: header.line,
                "ignored column\(match.ignored.count == 1 ? "" : "s") (not part of the \(table.rawValue) table): "
                    + match.ignored.map { "'\(String($0.prefix(40)))'" }.joined(separator: ", ")), at: 0)
        }
        return ImportedTable(file: file, table: table, rows: result, ignoredColumns: match.ignored, notes: notes)
    }

    /// A text column whose every cell is a number is a platform's count read under a name
    /// of ours (Instagram's `Comments`, how many, not what they said): left out, and named
    /// with the ignored columns, rather than shown as words.
    private mutating func leaveOutCounts(_ rows: ArraySlice<CSVReader.Row>) {
        for (index, column) in match.columns where column.type == .text && column.key != match.table.keyColumn.key {
            let cells = rows.compactMap { index < $0.cells.count ? NumberSpelling.trimmed($0.cells[index]) : nil }
                .filter { !NumberSpelling.isMissing(trimmed: $0) }
            guard !cells.isEmpty, cells.allSatisfy({ Self.isPlainCount($0) }) else { continue }
            match.columns[index] = nil
            match.ignored.append(NumberSpelling.trimmed(header.cells[index]))
        }
    }

    /// `180`, `4,100`, `12 400`: a whole number, maybe grouped by threes (a time like `0:02`
    /// or a date like `14.05.2026` is not one).
    private static func isPlainCount(_ text: String) -> Bool {
        let groups = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == " " })
        guard let first = groups.first, (1...(groups.count == 1 ? 18 : 3)).contains(first.count) else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
            && groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// A row with more or fewer cells than the header is reported; empty cells past the
    /// header's end (a trailing separator) are not.
    private mutating func shape(of row: CSVReader.Row) -> Bool {
        let expected = header.cells.count
        if row.cells.count < expected {
            problems.append(DataProblem(file: file, line: row.line,
                "the row has \(row.cells.count) cells, the header \(expected); add the missing cells (empty ones are fine)"))
            return false
        }
        if row.cells.count > expected, !row.cells[expected...].allSatisfy({ NumberSpelling.trimmed($0).isEmpty }) {
            problems.append(DataProblem(file: file, line: row.line, column: expected + 1,
                "the row has \(row.cells.count) cells, the header \(expected); a cell holding the separator must be quoted"))
            return false
        }
        return true
    }

    /// Warnings about units that cannot be checked cell by cell.
    private mutating func noteUnits(_ parsed: [String: [ParsedNumber]]) {
        for column in match.table.columns {
            guard let numbers = parsed[column.key], !numbers.isEmpty else { continue }
            let currencies = Set(numbers.compactMap { $0.currency.map(RecordCurrency.code) })
            if currencies.count > 1 {
                notes.append(DataProblem(file: file, "\(column.title) mixes currencies (\(currencies.sorted().joined(separator: ", "))); Debrief does not convert them"))
            }
            if case .percent = column.type, numbers.count >= 2, !numbers.contains(where: \.isPercent),
               numbers.allSatisfy({ (0...1).contains($0.value) }), numbers.contains(where: { $0.value > 0 }) {
                notes.append(DataProblem(file: file,
                    "every \(column.title) is between 0 and 1: if they are fractions (0.031 for 3.1%), write them as percentages; they are read as 0.031%"))
            }
        }
    }
}
