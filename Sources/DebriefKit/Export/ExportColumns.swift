/// The columns an export prints for each table: the table's own columns plus the measures
/// derived from them (variance, lift, costs), each as a title and a cell read through
/// `RecordText`. The brief, the CSV and the JSON export walk the same lists, so a column
/// never reads one way in one export and another way in the next.
public struct ExportColumn: Sendable {
    public let key: String
    public let title: String
    /// The cell as the brief prints it (numbers grouped, units, "—" when missing).
    public let text: @Sendable (Record) -> String
    /// The cell as data: a plain number, text, yes/no, or nil when missing or undefined.
    /// Derived measures are rounded to two decimals (a percent, a cost): the rest is noise.
    public let value: @Sendable (Record) -> FieldValue?

    init(_ key: String, _ title: String, text: @escaping @Sendable (Record) -> String,
         value: @escaping @Sendable (Record) -> FieldValue?) {
        self.key = key
        self.title = title
        self.text = text
        self.value = value
    }

    /// A column of the table itself.
    init(field column: RecordColumn) {
        let key = column.key
        self.init(key, column.title, text: { RecordText.field($0, key) }, value: { $0[key] })
    }

    /// A derived measure; `isMoney` reads it as a cost, otherwise as a change in percent.
    init(_ key: String, _ title: String, measure: @escaping @Sendable (Record) -> Measure, isMoney: Bool = false) {
        self.init(key, title,
                  text: { isMoney ? RecordText.money(measure($0), currency: RecordCurrency.of($0)) : RecordText.change(measure($0)) },
                  value: { measure($0).value.map { .number(($0 * 100).rounded() / 100) } })
    }
}

public enum ExportColumns {
    /// Every column of a table in the order exports print it: KPI measures after the
    /// actual, creator measures after the numbers they come from. A derived column's key is
    /// no header name the importer reads (not `result`, an alias of `actual`), so an
    /// exported table reads back with `check-data` and `--data`, its measures ignored.
    public static func all(_ table: RecordTable) -> [ExportColumn] {
        switch table {
        case .kpis: kpis
        case .creators: creators
        case .content: table.columns.map(ExportColumn.init(field:))
        }
    }

    static let kpis: [ExportColumn] = {
        func field(_ key: String) -> ExportColumn { ExportColumn(field: RecordTable.kpis.column(key)!) }
        let unitValue: @Sendable (Record, String) -> String = { RecordText.kpi($0, $1) }
        return [
            field("kpi"),
            ExportColumn("target", "Target", text: { unitValue($0, "target") }, value: { $0["target"] }),
            ExportColumn("actual", "Actual", text: { unitValue($0, "actual") }, value: { $0["actual"] }),
            ExportColumn("variance_percent", "Variance", measure: { KPIMeasures($0).variance }),
            ExportColumn("outcome", "Result", text: { RecordText.verdict(KPIMeasures($0).verdict) },
                         value: { KPIMeasures($0).verdict.map { .text($0.rawValue) } }),
            ExportColumn("target_source", "Target source", text: RecordText.source, value: { $0["target_source"] }),
            ExportColumn("unit", "Unit", text: { KPIMeasures.unit(of: $0).rawValue },
                         value: { .text(KPIMeasures.unit(of: $0).rawValue) }),
            ExportColumn("better", "Better", text: { KPIMeasures.direction(of: $0).rawValue },
                         value: { .text(KPIMeasures.direction(of: $0).rawValue) }),
            field("comment"),
            field("currency"),
        ]
    }()

    static let creators: [ExportColumn] = {
        func field(_ key: String) -> ExportColumn { ExportColumn(field: RecordTable.creators.column(key)!) }
        // The tier as given, or read from the follower count (as the patterns group it).
        let tier = ExportColumn("tier", "Tier", text: { CreatorMeasures($0).tier?.rawValue ?? NumberText.missing },
                                value: { CreatorMeasures($0).tier.map { .text($0.rawValue) } })
        return [field("handle"), field("platform"), tier, field("followers"), field("format"),
                field("sponsored_er"), field("organic_er"),
                ExportColumn("lift_percent", "Lift", measure: { CreatorMeasures($0).lift }),
                field("clicks"), field("conversions"), field("fee"),
                ExportColumn("cost_per_click", "Cost per click", measure: { CreatorMeasures($0).costPerClick }, isMoney: true),
                ExportColumn("cost_per_conversion", "Cost per conversion",
                             measure: { CreatorMeasures($0).costPerConversion }, isMoney: true),
                field("draft_on_time"), field("revisions"), field("rating"), field("brief_detail"), field("currency")]
    }()

    /// The columns a reader sees (the brief, `show`): all but the currency, which every
    /// amount already carries as its sign.
    public static func read(_ table: RecordTable) -> [ExportColumn] {
        all(table).filter { $0.key != RecordColumn.currency.key }
    }

    /// The metric the exports rank content by: engagement rate when the pieces have it,
    /// else the first numeric column any piece gives (conversions, clicks, views…).
    /// nil when no piece has a number to rank by.
    public static func rankingMetric(_ pieces: [Record]) -> RecordColumn? {
        let preferred = ["er", "conversions", "clicks", "engagements", "views", "reach", "impressions"]
        let numeric = ContentRanking.metrics
        let ordered = preferred.compactMap { key in numeric.first { $0.key == key } }
            + numeric.filter { !preferred.contains($0.key) }
        return ordered.first { metric in pieces.contains { $0.number(metric.key) != nil } }
    }
}
