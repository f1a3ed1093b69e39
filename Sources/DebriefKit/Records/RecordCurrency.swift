/// Money reads in the currency it was written in: `fee $900` shows `$900`, never `€900`.
/// Debrief converts nothing: a row keeps the sign its money was typed or imported with
/// (its `currency` field), a new row typed without one takes the meeting's, and money
/// summed across rows (a group's cost per conversion) is shown only in one currency.
public enum RecordCurrency {
    /// Money written without any sign, in a meeting that never gave one.
    public static let fallback = "€"

    /// The sign a record's money reads in.
    public static func of(_ record: Record) -> String {
        record.text(RecordColumn.currency.key) ?? fallback
    }

    /// The one currency of the records' money, or nil when they mix currencies. Signs that
    /// name the same currency (`$` and `USD`) are one: the first row's is shown.
    public static func common(_ records: [Record]) -> String? {
        guard let first = records.first.map(of) else { return fallback }
        let currency = code(of: first)
        return records.allSatisfy { code(of: of($0)) == currency } ? first : nil
    }

    /// The currency a sign names, as its ISO code: `$`, `US$` and `USD` are all `USD`, so a
    /// sheet's `Fee (USD)` and a typed `fee $900` are one currency. Money is compared by
    /// this, never by how it was written; `kr` stays `kr` (Swedish, Norwegian or Danish).
    public static func code(of sign: String) -> String {
        switch sign {
        case "$", "US$": "USD"
        case "€": "EUR"
        case "£": "GBP"
        case "¥": "JPY"
        case "₹": "INR"
        case "₩": "KRW"
        case "A$", "AU$": "AUD"
        case "C$", "CA$": "CAD"
        default: sign
        }
    }

    /// A heading for a cost per something over `records`: `$/click`, or `Cost/click` when
    /// the rows mix currencies (each cell still carries its own sign).
    public static func heading(_ per: String, _ records: [Record]) -> String {
        heading(per, currency: common(records))
    }

    /// The same for a currency already found; nil when the costs mix currencies.
    public static func heading(_ per: String, currency: String?) -> String {
        (currency ?? "Cost") + "/" + per
    }

    /// Whether a form or a file's row gives money: a creator's fee, a KPI counted in money.
    public static func holdsMoney(_ table: RecordTable, _ fields: [String: FieldValue]) -> Bool {
        switch table {
        case .kpis: KPIMeasures.unit(of: Record(id: 0, table: .kpis, fields: fields)) == .money
        case .creators: fields["fee"] != nil
        case .content: false
        }
    }
}

extension MeetingState {
    /// The currency of the latest row that names one: what a row typed without a sign is in.
    public var latestCurrency: String? {
        records.last { !$0.isRemoved && $0[RecordColumn.currency.key] != nil }.map(RecordCurrency.of)
    }
}
