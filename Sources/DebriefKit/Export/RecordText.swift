/// A record's fields and derived measures as the exports print them: through `NumberText`,
/// so the brief, the client version and a creator's debrief read like the table on screen
/// (`18,400`, `3.1%`, `€0.41`, `−22.5%`). A missing value is "—", never 0; a measure that
/// cannot be computed (a target of 0) is "n/a", and the exports say why beside the table.
/// Text fields come back raw: the caller escapes them for its format.
public enum RecordText {
    public static let undefined = "n/a"

    /// One field as its column's type reads.
    public static func field(_ record: Record, _ key: String) -> String {
        guard let column = record.table.column(key), let value = record[key] else { return NumberText.missing }
        switch (column.type, value) {
        case (.money, .number(let x)): return NumberText.money(x, currency: RecordCurrency.of(record))
        case (.percent, .number(let x)): return NumberText.percent(x)
        case (_, .number(let x)): return NumberText.count(x)
        case (_, .bool(let yes)): return yes ? "yes" : "no"
        case (_, .text(let text)): return text
        }
    }

    /// A KPI's target or actual, in the KPI's unit (money in the KPI's currency).
    public static func kpi(_ record: Record, _ key: String) -> String {
        let value = record.number(key)
        switch KPIMeasures.unit(of: record) {
        case .count: return NumberText.count(value)
        case .percent: return NumberText.percent(value)
        case .money: return NumberText.money(value, currency: RecordCurrency.of(record))
        }
    }

    /// A change in percent (variance, lift), always signed: `+20.0%`, `−22.5%`.
    public static func change(_ measure: Measure) -> String {
        switch measure {
        case .value(let x): NumberText.signedPercent(x)
        case .missing: NumberText.missing
        case .undefined: undefined
        }
    }

    /// A cost (per click, per conversion); nil `currency` when the costs summed mix
    /// currencies, which Debrief does not convert.
    public static func money(_ measure: Measure, currency: String?) -> String {
        guard let currency else { return "mixed currencies" }
        return switch measure {
        case .value(let x): NumberText.money(x, currency: currency)
        case .missing: NumberText.missing
        case .undefined: undefined
        }
    }

    /// Why a measure has no value, when it is undefined rather than merely missing.
    public static func reason(_ measure: Measure) -> String? {
        if case .undefined(let why) = measure { why } else { nil }
    }

    /// How solid a target was, in the playbook's words.
    public static func source(_ record: Record) -> String {
        switch record.text("target_source").flatMap(TargetSource.init(rawValue:)) {
        case .historical: "historical data"
        case .estimate: "rough estimate"
        case .client: "set by the client"
        case nil: NumberText.missing
        }
    }

    /// A KPI's outcome in words, so a miss is marked by more than a colour or a sign.
    public static func verdict(_ verdict: KPIVerdict?) -> String {
        switch verdict {
        case .beat: "beat"
        case .met: "met"
        case .missed: "missed"
        case nil: NumberText.missing
        }
    }
}
