/// Tells which table a file holds from its header: the table whose columns the header names
/// most, provided it names the table's first column (the KPI, the handle, the piece).
/// Columns no table has are kept out of the import and named once as ignored.
struct TableRecognizer {
    struct Match: Equatable {
        var table: RecordTable
        /// Field number (0-based) → the column it fills.
        var columns: [Int: RecordColumn]
        /// Headers of the columns left out, as written.
        var ignored: [String]
    }

    static func recognize(_ header: [String], file: String, line: Int) -> Result<Match, DataImportError> {
        let names = header.map(NumberSpelling.trimmed)
        func matches(_ table: RecordTable) -> [Int: RecordColumn] {
            var found: [Int: RecordColumn] = [:]
            for (index, name) in names.enumerated() {
                if let column = table.columns.first(where: { $0.matches(header: name) }) { found[index] = column }
            }
            return found
        }
        let candidates = RecordTable.allCases
            .map { ($0, matches($0)) }
            .filter { table, found in found.values.contains { $0.key == table.keyColumn.key } }
        let best = candidates.map(\.1.count).max() ?? 0
        let winners = candidates.filter { $0.1.count == best }
        guard let (table, named) = winners.first else {
            return .failure(DataImportError([DataProblem(file: file, line: line, "the header names no table Debrief knows. " + expected)]))
        }
        guard winners.count == 1 else {
            let which = winners.map(\.0.rawValue).joined(separator: " or ")
            return .failure(DataImportError([DataProblem(file: file, line: line,
                "the header could be \(which): name the first column after one of them ("
                    + winners.map { "'\($0.0.keyColumn.title)'" }.joined(separator: " or ") + "), or add a column only one of them has")]))
        }
        let columns = preferringSurerNames(named, names)
        var problems: [DataProblem] = []
        var firstOf: [String: Int] = [:]
        for index in columns.keys.sorted() {
            let column = columns[index]!
            if let first = firstOf[column.key] {
                problems.append(DataProblem(file: file, line: line, column: index + 1, header: names[index],
                    "column \(first + 1) ('\(names[first])') is \(column.title) already; keep one of them or rename this one"))
            } else {
                firstOf[column.key] = index
            }
        }
        guard problems.isEmpty else { return .failure(DataImportError(problems)) }
        let ignored = names.indices.filter { columns[$0] == nil }
            .map { names[$0].isEmpty ? "column \($0 + 1) (no header)" : names[$0] }
        return .success(Match(table: table, columns: columns, ignored: ignored))
    }

    /// Two headers naming one text column (a platform export's `Video title` and `Content`
    /// id, `Publish time` and `Date`): the one earlier in the column's names fills it, the
    /// other is left out and named as ignored. Two for one number stay a problem: which
    /// figure is meant cannot be guessed.
    private static func preferringSurerNames(_ columns: [Int: RecordColumn], _ names: [String]) -> [Int: RecordColumn] {
        var kept = columns
        let byColumn = Dictionary(grouping: columns.keys.sorted(), by: { columns[$0]!.key })
        for indices in byColumn.values where indices.count > 1 {
            let column = columns[indices[0]]!
            guard case .text = column.type else { continue }
            let ranks = indices.map { column.rank(ofHeader: names[$0]) ?? .max }
            guard let best = ranks.min(), ranks.filter({ $0 == best }).count == 1 else { continue }
            for (index, rank) in zip(indices, ranks) where rank != best { kept[index] = nil }
        }
        return kept
    }

    /// The headers each table expects, for a file that matches none.
    static var expected: String {
        "Its first column names the rows: "
            + RecordTable.allCases.map { table in
                "'\(table.keyColumn.title)' for \(table.rawValue) (then any of "
                    + table.columns.dropFirst().map { "'\($0.title)'" }.joined(separator: ", ") + ")"
            }.joined(separator: "; ")
            + ". README.md ('Tables of numbers') lists the other names each column may have"
    }
}
