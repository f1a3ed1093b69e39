/// `debrief history` as text for a terminal: sessions over time, root cause × severity with
/// a bar per cause and its trend, and the recurring problems. Every piece of user text goes
/// through `VisibleText`; bars are plain block characters.
public enum HistoryChart {
    public static func text(sessions: [SessionDigest], directory: ClientDirectory, client: String?, width: Int = 80) -> String {
        var out = "History" + (client.map { " of \(VisibleText.line($0))" } ?? "") + ": \(sessions.count) session\(sessions.count == 1 ? "" : "s")"
        guard let newest = sessions.first, let oldest = sessions.last else { return out + ".\n" }
        out += ", \(oldest.day) to \(newest.day)\n\nSessions by month\n"
        var months: [String: Int] = [:]
        for session in sessions { months[String(session.startedAt.prefix(7)), default: 0] += 1 }
        let busiest = months.values.max() ?? 1
        let shownMonths = months.keys.sorted().suffix(24)
        if months.count > shownMonths.count { out += "  (the last 24 of \(months.count) months)\n" }
        for month in shownMonths {
            let count = months[month]!
            out += "  \(VisibleText.line(month))  \(bar(count, of: busiest, width: 40)) \(count)\n"
        }
        out += rootCauses(sessions)
        out += recurring(RecurringProblems.groups(in: sessions, directory: directory), showClient: client == nil)
        return out
    }

    /// Root cause × severity, and whether each cause comes back less (better) or more (worse):
    /// problems per session in the newer half of the sessions against the older half.
    static func rootCauses(_ sessions: [SessionDigest]) -> String {
        let problems = sessions.flatMap(\.problems)
        var out = "\nRoot cause × severity (\(problems.count) problem\(problems.count == 1 ? "" : "s"))\n"
        guard !problems.isEmpty else { return out + "  no problems recorded\n" }
        let known = ["minor", "significant", "critical"]
        let severities = known.filter { s in problems.contains { $0.severity == s } }
            + Set(problems.compactMap(\.severity)).subtracting(known).sorted()
        var byCause: [String: [SessionDigest.Item]] = [:]
        for problem in problems { byCause[problem.rootCause ?? "(untagged)", default: []].append(problem) }
        let causes = byCause.keys.sorted { byCause[$0]!.count != byCause[$1]!.count ? byCause[$0]!.count > byCause[$1]!.count : $0 < $1 }
        let causeWidth = min(20, max(10, causes.map { DisplayWidth.of(VisibleText.line($0)) }.max() ?? 10))
        let columns = severities.map { VisibleText.line(String($0.prefix(11))) }
        let header = pad("", causeWidth) + columns.map { " " + leftPad($0, max(5, DisplayWidth.of($0))) }.joined()
            + (problems.contains { $0.severity == nil } ? "  untagged" : "") + "  total  trend"
        out += "  " + header + "\n"
        let half = sessions.count / 2
        let newer = Set(sessions.prefix(half).map(\.name)), older = Set(sessions.dropFirst(half).map(\.name))
        let most = byCause.values.map(\.count).max() ?? 1
        let halves = problemsByHalf(sessions, newer: newer, older: older)
        for cause in causes {
            let items = byCause[cause]!
            var row = pad(VisibleText.line(cause), causeWidth)
            for (index, severity) in severities.enumerated() {
                row += " " + leftPad(String(items.count { $0.severity == severity }), max(5, DisplayWidth.of(columns[index])))
            }
            if problems.contains(where: { $0.severity == nil }) { row += "  " + leftPad(String(items.count { $0.severity == nil }), 8) }
            row += "  " + leftPad(String(items.count), 5) + "  " + trend(cause, halves, newer: newer, older: older)
            out += "  \(row)  \(bar(items.count, of: most, width: 12))\n"
        }
        return out
    }

    /// Problems per root cause in the newer and the older half, counted in one walk over the
    /// sessions: walking them again for every cause was most of `history` over ten thousand.
    private static func problemsByHalf(_ sessions: [SessionDigest], newer: Set<String>, older: Set<String>)
        -> (newer: [String: Int], older: [String: Int]) {
        var (inNewer, inOlder): ([String: Int], [String: Int]) = ([:], [:])
        for session in sessions {
            let isNewer = newer.contains(session.name)
            guard isNewer || older.contains(session.name) else { continue }
            for item in session.items where item.kind == .problem {
                if isNewer { inNewer[item.rootCause ?? "(untagged)", default: 0] += 1 } else { inOlder[item.rootCause ?? "(untagged)", default: 0] += 1 }
            }
        }
        return (inNewer, inOlder)
    }

    private static func trend(_ cause: String, _ halves: (newer: [String: Int], older: [String: Int]),
                              newer: Set<String>, older: Set<String>) -> String {
        guard !newer.isEmpty, !older.isEmpty else { return "—" }
        let (inNewer, inOlder) = (halves.newer[cause] ?? 0, halves.older[cause] ?? 0)
        let (before, after) = (Double(inOlder) / Double(older.count), Double(inNewer) / Double(newer.count))
        if after < before * 0.8 { return "better" }
        if after > before * 1.25 { return "worse " }
        return "steady"
    }

    static func recurring(_ groups: [RecurringProblems.Group], showClient: Bool) -> String {
        var out = "\nRecurring problems (alike wording in 2 or more sessions)\n"
        guard !groups.isEmpty else { return out + "  none\n" }
        for group in groups.prefix(10) {
            let first = group.problems[0]
            out += "  \(group.sessionCount) sessions"
            if showClient { out += " · \(VisibleText.line(group.client))" }
            out += ": \(VisibleText.line(clip(first.item.text, 70)))\n"
            for (session, item) in group.problems.suffix(3).reversed() {
                out += "      \(session.day) \(VisibleText.line(clip(item.text, 60)))\n"
            }
        }
        if groups.count > 10 { out += "  … and \(groups.count - 10) more groups\n" }
        return out
    }

    static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        let length = maximum > 0 ? max(value > 0 ? 1 : 0, value * width / maximum) : 0
        return String(repeating: "█", count: length)
    }

    public static func clip(_ text: String, _ limit: Int) -> String {
        let flat = text.replacingAll("\n", with: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        let clipped = DisplayWidth.of(text) > width ? String(text.prefix(width - 1)) + "…" : text
        return clipped + String(repeating: " ", count: max(0, width - DisplayWidth.of(clipped)))
    }

    private static func leftPad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}
