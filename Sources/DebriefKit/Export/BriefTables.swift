/// The tables of numbers as the internal brief prints them: the KPIs with variance, result
/// and target source; the creators with their derived measures and the patterns by tier,
/// platform and brief detail; the top 3 and bottom 3 pieces side by side. A column no row
/// fills is left out, so the brief stays short; a measure that cannot be computed says why
/// under its table.
enum BriefTables {
    /// The table's Markdown, or nil when it has no rows.
    static func markdown(_ table: RecordTable, in state: MeetingState) -> String? {
        let records = state.records(in: table)
        guard !records.isEmpty else { return nil }
        switch table {
        case .kpis: return kpis(records)
        case .creators: return creators(records)
        case .content: return content(records)
        }
    }

    static func kpis(_ records: [Record]) -> String {
        var out = grid(records, ExportColumns.read(.kpis).filter { $0.key != "unit" && $0.key != "better" })
        let reasons = records.compactMap { record in
            RecordText.reason(KPIMeasures(record).variance).map { "- Variance of \(MarkdownText.inline(record.name)): \($0).\n" }
        }
        if !reasons.isEmpty { out += "\n" + reasons.joined() }
        return out
    }

    static func creators(_ records: [Record]) -> String {
        var out = grid(records, ExportColumns.read(.creators))
        var reasons: [String] = []
        for record in records {
            let measures = CreatorMeasures(record)
            for (label, measure) in [("Lift", measures.lift), ("Cost per click", measures.costPerClick),
                                     ("Cost per conversion", measures.costPerConversion)] {
                if let why = RecordText.reason(measure) { reasons.append("- \(label) of \(MarkdownText.inline(record.name)): \(why).\n") }
            }
        }
        if !reasons.isEmpty { out += "\n" + reasons.joined() }
        let patterns = self.patterns(records)
        if !patterns.isEmpty { out += "\n### Patterns\n\n" + patterns }
        return out
    }

    /// One row per group of every dimension that has a named group: by tier, by platform,
    /// by brief detail (creators without a value gathered as "not given").
    static func patterns(_ creators: [Record]) -> String {
        var table = MarkdownTable(["By", "Group", "Creators", "Median lift", "Cost per conversion"])
        for dimension in PatternDimension.allCases {
            let groups = CreatorPatterns.groups(creators, by: dimension)
            guard groups.contains(where: { $0.name != nil }) else { continue }
            for group in groups {
                table.add([dimension.title, group.name ?? "not given", NumberText.count(Double(group.count)),
                           NumberText.signedPercent(group.medianLift),
                           RecordText.money(group.costPerConversion, currency: RecordCurrency.common(creators))])
            }
        }
        return table.rows.isEmpty ? "" : table.markdown
    }

    /// The top 3 and the bottom 3 by the ranking metric, with every column a piece fills.
    static func content(_ pieces: [Record]) -> String {
        guard let metric = ExportColumns.rankingMetric(pieces) else {
            return "No piece has a number to rank by.\n\n" + grid(pieces, ExportColumns.all(.content))
        }
        let ranking = ContentRanking(pieces, by: metric.key)
        let columns = rankedColumns(metric)
        var out = "### Top \(ranking.top.count) by \(MarkdownText.inline(metric.title))\n\n" + grid(ranking.top, columns, keeping: ranking.bottom)
        if !ranking.bottom.isEmpty {
            out += "\n### Bottom \(ranking.bottom.count) by \(MarkdownText.inline(metric.title))\n\n"
                + grid(ranking.bottom, columns, keeping: ranking.top)
        }
        if !ranking.unranked.isEmpty {
            let names = ranking.unranked.map { MarkdownText.inline($0.name) }.joined(separator: ", ")
            out += "\nNot ranked (no \(MarkdownText.inline(metric.title))): \(names).\n"
        }
        return out
    }

    /// Piece and creator first, then the metric the pieces are ranked by, then the rest.
    static func rankedColumns(_ metric: RecordColumn) -> [ExportColumn] {
        let all = ExportColumns.all(.content)
        let lead = all.filter { $0.key == "piece" || $0.key == "creator" }
        return lead + all.filter { $0.key == metric.key } + all.filter { !["piece", "creator", metric.key].contains($0.key) }
    }

    /// A Markdown table of `records` with the columns any of them (or of `keeping`, so the
    /// top and bottom tables line up) fills; the first column always stays.
    static func grid(_ records: [Record], _ columns: [ExportColumn], keeping other: [Record] = []) -> String {
        // Each cell is formatted once: a large table costs one pass, not one per check.
        let cells = records.map { record in columns.map { $0.text(record) } }
        let all = cells + other.map { record in columns.map { $0.text(record) } }
        let shown = columns.indices.filter { column in column == 0 || all.contains { $0[column] != NumberText.missing } }
        var table = MarkdownTable(shown.map { columns[$0].title })
        for row in cells { table.add(shown.map { row[$0] }) }
        return table.markdown
    }
}
