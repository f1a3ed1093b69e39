/// The three tables of numbers a meeting can hold. An agenda section declares which one it
/// shows (`table: kpis`); imported files are recognised as one of them by their header.
public enum RecordTable: String, Codable, CaseIterable, Sendable {
    case kpis, creators, content

    /// How the table reads in a message or a heading.
    public var title: String {
        switch self {
        case .kpis: "KPIs"
        case .creators: "Creators"
        case .content: "Content"
        }
    }

    /// The table's columns, in display order (see `RecordSchemas`).
    public var columns: [RecordColumn] {
        switch self {
        case .kpis: RecordSchemas.kpis
        case .creators: RecordSchemas.creators
        case .content: RecordSchemas.content
        }
    }

    /// The column that names a row (a KPI, a handle, a piece): required, and unique in a file.
    public var keyColumn: RecordColumn { columns[0] }

    public func column(_ key: String) -> RecordColumn? {
        columns.first { $0.key == key }
    }
}
