/// The tables of numbers inside `export --format json`: every row of every table with each
/// export column (given fields and derived measures; `null` when missing or undefined, never
/// 0), the patterns by tier, platform and brief detail, and the content ranking (row ids).
/// Numbers are plain JSON numbers: a percentage as written (3.1 for 3.1%), money without
/// its sign.
struct TablesDocument: Encodable {
    var kpis: [Row]
    var creators: [Row]
    var content: [Row]
    var patterns: [Pattern]
    var contentRanking: Ranking?

    enum CodingKeys: String, CodingKey {
        case kpis, creators, content, patterns, contentRanking = "content_ranking"
    }

    /// A row: its id and one entry per export column.
    struct Row: Encodable {
        var id: Int
        var fields: [(String, FieldValue?)]

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(id, forKey: Key("id"))
            for (key, value) in fields { try c.encode(value, forKey: Key(key)) }
        }
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    struct Pattern: Encodable {
        var by: String
        var group: String?
        var creators: Int
        var medianLiftPercent: Double?
        var costPerConversion: Double?

        enum CodingKeys: String, CodingKey {
            case by, group, creators, medianLiftPercent = "median_lift_percent", costPerConversion = "cost_per_conversion"
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(by, forKey: .by)
            try c.encode(group, forKey: .group)
            try c.encode(creators, forKey: .creators)
            try c.encode(medianLiftPercent.map { ($0 * 100).rounded() / 100 }, forKey: .medianLiftPercent)
            try c.encode(costPerConversion.map { ($0 * 100).rounded() / 100 }, forKey: .costPerConversion)
        }
    }

    struct Ranking: Encodable {
        var metric: String
        var top: [Int]
        var bottom: [Int]
        var unranked: [Int]
    }

    init(state: MeetingState) {
        func rows(_ table: RecordTable) -> [Row] {
            let columns = ExportColumns.all(table)
            return state.records(in: table).map { record in Row(id: record.id, fields: columns.map { ($0.key, $0.value(record)) }) }
        }
        kpis = rows(.kpis)
        creators = rows(.creators)
        content = rows(.content)
        let creatorRecords = state.records(in: .creators)
        patterns = PatternDimension.allCases.flatMap { dimension in
            CreatorPatterns.groups(creatorRecords, by: dimension).map {
                Pattern(by: dimension.rawValue, group: $0.name, creators: $0.count, medianLiftPercent: $0.medianLift,
                        costPerConversion: $0.costPerConversion.value)
            }
        }
        let pieces = state.records(in: .content)
        contentRanking = ExportColumns.rankingMetric(pieces).map { metric in
            let ranking = ContentRanking(pieces, by: metric.key)
            return Ranking(metric: metric.key, top: ranking.top.map(\.id), bottom: ranking.bottom.map(\.id),
                           unranked: ranking.unranked.map(\.id))
        }
    }
}
