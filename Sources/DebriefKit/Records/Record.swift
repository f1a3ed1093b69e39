/// One row of a table: a KPI, a creator or a piece of content, with typed fields. Only
/// what was given is in `fields`: a missing value is missing, never 0. Measures derived
/// from the fields (variance, lift, cost per click) are computed, never stored.
public struct Record: Equatable, Sendable, Identifiable {
    public let id: Int
    public let table: RecordTable
    public internal(set) var fields: [String: FieldValue]
    /// Meeting time the record was added at.
    public let t: Int
    /// Removed records are flagged, not dropped, as notes are.
    public internal(set) var isRemoved = false

    public init(id: Int, table: RecordTable, fields: [String: FieldValue], t: Int = 0) {
        self.id = id
        self.table = table
        self.fields = fields
        self.t = t
    }

    public subscript(key: String) -> FieldValue? { fields[key] }

    public func number(_ key: String) -> Double? { fields[key]?.number }
    public func text(_ key: String) -> String? { fields[key]?.text }

    /// What names the row: the KPI, the handle, the piece.
    public var name: String { fields[table.keyColumn.key]?.text ?? "#\(id)" }

    /// Keeps only fields the table has, of the type the column holds: a damaged or hostile
    /// file changes nothing it could not have typed.
    static func valid(_ fields: [String: FieldValue], in table: RecordTable) -> [String: FieldValue] {
        fields.filter { key, value in table.column(key)?.type.accepts(value) ?? false }
    }
}
