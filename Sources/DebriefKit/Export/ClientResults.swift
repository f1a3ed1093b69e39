/// The client version's results: every KPI stated against its target in one sentence, a
/// miss in the same plain words as a beat ("Engagement rate 3.1% against a 4.0% target,
/// −22.5% (missed)"), then the best two or three pieces with their numbers, then the notes
/// shared as results. Nothing internal: no target source, no fees, no costs per creator,
/// no comments typed in the KPI table. Kept in one place so the client version's other
/// parts can change around it.
///
/// People, as in the rest of the client version (`ClientVisibility`): unless `--with-owners`,
/// a piece goes out without "by @creator", and a KPI or a piece whose own words name a
/// person (a known attendee, owner, creator or any `@handle`) is held back and listed.
public enum ClientResults {
    /// The whole "Results" section; `notes` are the shared result notes' raw texts. Empty
    /// when there is nothing to say: a placeholder never goes to a client. `people` are
    /// the names to hold back (`ClientVisibility.knownPeople`); nil with `--with-owners`.
    public static func section(state: MeetingState, notes: [String], people: [String]?) -> String {
        var out = "\n## Results\n\n"
        let kpis = kpiLines(state, people: people)
        let pieces = topPieces(state, people: people)
        if kpis.isEmpty && pieces.lines.isEmpty && notes.isEmpty { return "" }
        out += kpis.map { "- \($0)\n" }.joined()
        if !pieces.lines.isEmpty {
            out += (kpis.isEmpty ? "" : "\n") + "The best pieces, by \(pieces.metric):\n\n"
            out += pieces.lines.map { "- \($0)\n" }.joined()
        }
        if !notes.isEmpty {
            out += (kpis.isEmpty && pieces.lines.isEmpty ? "" : "\n") + notes.map { "- \(MarkdownText.inline($0))\n" }.joined()
        }
        return out
    }

    /// The KPI and piece lines held back because they name people (nil: none with `--with-owners`).
    public static func heldBack(_ state: MeetingState, people: [String]?) -> [(text: String, names: [String])] {
        guard let people else { return [] }
        let kpis = state.records(in: .kpis).map(\.name)
        let pieces = topRanked(state).map { piece in
            ([piece.name] + ["format", "platform"].compactMap { piece.text($0) }).joined(separator: " ")
        }
        return (kpis + pieces).compactMap { text in
            let names = ClientVisibility.names(in: text, people: people)
            return names.isEmpty ? nil : (text, names)
        }
    }

    /// Whether a row's own words may go out: always with `--with-owners` (nil), else when
    /// they name nobody.
    private static func namesNobody(_ texts: [String], people: [String]?) -> Bool {
        guard let people else { return true }
        return texts.allSatisfy { ClientVisibility.names(in: $0, people: people).isEmpty }
    }

    /// One Markdown line per KPI, in the table's order.
    public static func kpiLines(_ state: MeetingState, people: [String]? = nil) -> [String] {
        state.records(in: .kpis).filter { namesNobody([$0.name], people: people) }.map { record in
            let measures = KPIMeasures(record)
            let name = MarkdownText.inline(record.name)
            let target = record.number("target").map { _ in RecordText.kpi(record, "target") }
            guard let actual = record.number("actual").map({ _ in RecordText.kpi(record, "actual") }) else {
                return "\(name): not measured" + (target.map { " (target \($0))" } ?? "")
            }
            guard let target else { return "\(name) \(actual) (no target was set)" }
            switch measures.variance {
            case .value(let percent):
                var verdict = RecordText.verdict(measures.verdict)
                if measures.direction == .lower, measures.verdict != .met { verdict += ": lower is better" }
                return "\(name) \(actual) against a \(target) target, \(NumberText.signedPercent(percent)) (\(verdict))"
            case .missing, .undefined:
                return "\(name) \(actual) against a target of \(target) (no variance in percent)"
            }
        }
    }

    /// The top pieces by the ranking metric (up to three).
    private static func topRanked(_ state: MeetingState) -> [Record] {
        let pieces = state.records(in: .content)
        guard let metric = ExportColumns.rankingMetric(pieces) else { return [] }
        return ContentRanking(pieces, by: metric.key).top
    }

    /// The top pieces (up to three) by the ranking metric, each with the numbers it has;
    /// their creators only with `--with-owners` (`people` nil), a piece that names a
    /// person held back.
    public static func topPieces(_ state: MeetingState, people: [String]? = nil) -> (metric: String, lines: [String]) {
        let pieces = state.records(in: .content)
        guard let metric = ExportColumns.rankingMetric(pieces) else { return ("", []) }
        let shown = [metric.key] + ["er", "views", "reach", "clicks", "conversions"].filter { $0 != metric.key }
        let top = topRanked(state).filter { piece in
            namesNobody([piece.name] + ["format", "platform"].compactMap { piece.text($0) }, people: people)
        }
        let lines = top.map { piece in
            var line = "**\(MarkdownText.inline(piece.name))**"
            if people == nil, let creator = piece.text("creator"), !creator.isEmpty { line += " by \(MarkdownText.inline(creator))" }
            let about = ["format", "platform"].compactMap { piece.text($0) }.filter { !$0.isEmpty }
            if !about.isEmpty { line += " (\(about.map(MarkdownText.inline).joined(separator: ", ")))" }
            let numbers = shown.filter { piece[$0] != nil }.map { "\(RecordText.field(piece, $0)) \(words(for: $0))" }
            return line + ": " + numbers.joined(separator: " · ")
        }
        return (words(for: metric.key), lines)
    }

    /// How a metric reads in a sentence to a client.
    static func words(for key: String) -> String {
        key == "er" ? "engagement rate" : (RecordTable.content.column(key)?.title.lowercased() ?? key)
    }
}
