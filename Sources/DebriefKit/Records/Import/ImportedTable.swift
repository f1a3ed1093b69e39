/// The rows of one data file, typed and checked: everything in it can be recorded. A file
/// with any problem never becomes one (nothing of a bad file is half-imported).
public struct ImportedTable: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        /// The line the row starts on in its file.
        public var line: Int
        public var fields: [String: FieldValue]
    }

    /// The file as the user named it.
    public let file: String
    public let table: RecordTable
    public let rows: [Row]
    /// Headers of columns the table does not have: named once, not imported.
    public let ignoredColumns: [String]
    /// What is worth knowing but does not stop the import (ignored columns, mixed currencies,
    /// percentages that look like fractions).
    public let notes: [DataProblem]

    /// The rows as requests to the meeting's writer, which gives each its record id.
    public var requests: [Request] {
        rows.map { .addRecord(table: table, fields: $0.fields) }
    }
}
