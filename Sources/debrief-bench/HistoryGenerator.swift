import DebriefKit
import Foundation
import TestSupport

/// A sessions folder as an agency fills it over years: many clients (a few typed two ways),
/// post-mortems of 8 to 20 items each (problems tagged with a root cause and a severity,
/// wins, actions with owners and dates answering problems), with problems that come back.
/// Deterministic for a seed, so figures compare between runs.
struct HistoryGenerator {
    let agenda: Agenda
    private var random: SeededRandom

    init(agenda: Agenda, seed: UInt64 = 13) {
        self.agenda = agenda
        random = SeededRandom(seed: seed)
    }

    static let clients = [
        "Lumen Skincare", "Acme", "Brightside Foods", "Café Noir", "Northwind", "Orbit Apparel", "Pixel & Co",
        "Quill Books", "Riverstone", "Solace Tea", "Terra Outdoor", "Umbra Audio", "Velvet Cosmetics",
        "Wavelength", "Zephyr Bikes", "Éclat Paris", "Helios Energy", "Juniper Kids", "Kestrel Travel", "Maple Home",
    ]
    static let owners = ["Sam", "Priya", "Jonas", "Léa", "Tom", "Aisha"]
    static let problems = [
        "Brief did not explain the target audience", "Client approval took six days and posts slipped",
        "Tracking links were not ready on day one", "Creators got the product too late to film",
        "Pixel was missing on the landing page", "Timeline was unrealistic for three revisions",
        "Creator fit was poor for the skincare audience", "Brief tone section was vague",
        "Reporting dashboard broke mid campaign", "Contract terms were unclear about usage rights",
    ]
    static let wins = [
        "Micro creators kept their own voice and beat engagement targets", "Reels outperformed static posts",
        "Early drafts caught brand mention problems", "Weekly client check-ins kept approvals fast",
    ]

    /// Writes `count` session files into `folder`; returns how many were written.
    mutating func write(count: Int, into folder: URL) throws -> Int {
        try SecureFiles.makeFolder(folder)
        let start = Date(timeIntervalSince1970: 1_640_995_200)  // 2022-01-01
        for index in 0..<count {
            let date = start.addingTimeInterval(Double(index) * 5 * 3600)
            var client = Self.clients[random.next(upTo: Self.clients.count)]
            if random.next(upTo: 25) == 0 { client = client.uppercased() }  // the typos `debrief clients` shows
            let info = MeetingInfo(title: "\(client) campaign \(index) post-mortem", client: client,
                                   startedAt: MeetingInfo.timestamp(date, in: TimeZone(identifier: "UTC")!))
            let header = SessionHeader(agenda: agenda, meeting: info)
            let data = SessionCoding.sessionFile(header: header, events: events())
            let name = String(format: "gen-%05d", index) + SessionStore.sessionSuffix
            try data.write(to: folder.appending(path: name))
        }
        return count
    }

    private mutating func events() -> [Event] {
        let sections = agenda.sections.map(\.id)
        func section(_ id: String) -> String { sections.contains(id) ? id : sections[0] }
        let taxonomy = agenda.taxonomy
        var events = [Event(t: 0, .sectionStarted(section: section("wrong")))]
        var t = 1000, id = 1
        var problemIDs: [Int] = []
        for _ in 0..<(3 + random.next(upTo: 6)) {
            let text = Self.problems[random.next(upTo: Self.problems.count)]
            events.append(Event(t: t, .noteAdded(id: id, section: section("wrong"), content: NoteContent(kind: .problem, text: text))))
            events.append(Event(t: t + 10, .noteTagged(id: id, rootCause: taxonomy.rootCauses.randomElement(using: &random),
                                                       severity: taxonomy.severities.randomElement(using: &random))))
            problemIDs.append(id)
            id += 1
            t += 30_000
        }
        events.append(Event(t: t, .sectionStarted(section: section("worked"))))
        for _ in 0..<(2 + random.next(upTo: 4)) {
            let text = Self.wins[random.next(upTo: Self.wins.count)]
            events.append(Event(t: t, .noteAdded(id: id, section: section("worked"), content: NoteContent(kind: .win, text: text))))
            id += 1
            t += 30_000
        }
        events.append(Event(t: t, .sectionStarted(section: section("actions"))))
        for problem in problemIDs where random.next(upTo: 3) > 0 {
            let owner = Self.owners[random.next(upTo: Self.owners.count)]
            let content = NoteContent(kind: .action, text: "Fix: checklist item \(problem) before the next brief",
                                      owner: owner, due: "2026-0\(1 + random.next(upTo: 9))-1\(random.next(upTo: 10))")
            events.append(Event(t: t, .noteAdded(id: id, section: section("actions"), content: content)))
            events.append(Event(t: t + 10, .noteLinked(id: id, problem: problem)))
            id += 1
            t += 30_000
        }
        events.append(Event(t: t, .meetingEnded))
        return events
    }
}

/// `debrief-bench --history-sessions N`: the cross-session commands over a generated folder,
/// cold (no index: every file read) and warm (the index is current).
struct HistoryBenchmarks {
    var agenda: Agenda
    var sessions: Int
    var runs: Int
    /// A folder written before by `--generate-history`, reused (and kept): generating ten
    /// thousand sessions takes longer than timing them.
    var existing: URL? = nil

    func run() -> [ReportRow] {
        let folder = existing ?? FileManager.default.temporaryDirectory.appending(path: "debrief-bench-history-\(getpid())")
        if existing == nil {
            var generator = HistoryGenerator(agenda: agenda)
            do {
                _ = try generator.write(count: sessions, into: folder)
            } catch {
                try? FileManager.default.removeItem(at: folder)
                return [ReportRow(group: "history", measure: "generate \(sessions) sessions", value: "FAILED: \(error)")]
            }
        }
        defer { if existing == nil { try? FileManager.default.removeItem(at: folder) } }
        let index = folder.appending(path: HistoryIndex.fileName)
        var rows: [ReportRow] = []
        try? FileManager.default.removeItem(at: index)  // a reused folder keeps the last run's index
        let cold = Measure.seconds { benchmarkSink &+= HistoryIndex.load(folder: folder).sessions.count }
        rows.append(ReportRow(group: "history", measure: "index \(sessions) sessions from scratch (cold)",
                              value: CoreBenchmarks.milliseconds(cold), goal: "< 2 s"))
        let warm = Measure.median(runs: runs) { benchmarkSink &+= HistoryIndex.load(folder: folder).sessions.count }
        rows.append(ReportRow(group: "history", measure: "load the current index (warm)",
                              value: CoreBenchmarks.milliseconds(warm), goal: "< 200 ms"))
        let queries: [(String, (SessionHistory, ClientDirectory) -> Int)] = [
            ("learnings", { history, directory in
                LearningsLog.markdown(sessions: history.sessions, directory: directory, ledger: []).utf8.count
            }),
            ("actions", { history, _ in TrackedActions.all(in: history.sessions, ledger: []).count }),
            ("history", { history, directory in
                HistoryChart.text(sessions: history.sessions, directory: directory, client: nil).count
            }),
            ("search", { history, _ in HistorySearch.find("tracking links", in: history.sessions).count }),
            // What a campaign manager runs before planning: one client's log.
            ("learnings --client", { history, directory in
                let sessions = (try? directory.sessions(history.sessions, client: "Lumen Skincare")) ?? []
                return LearningsLog.markdown(sessions: sessions, directory: directory, ledger: []).utf8.count
            }),
            ("history --client", { history, directory in
                let sessions = (try? directory.sessions(history.sessions, client: "Lumen Skincare")) ?? []
                return HistoryChart.text(sessions: sessions, directory: directory, client: "Lumen Skincare").count
            }),
        ]
        for (name, query) in queries {
            for (phase, deleteIndex) in [("cold", true), ("warm", false)] {
                let time = Measure.median(runs: deleteIndex ? 1 : runs) {
                    if deleteIndex { try? FileManager.default.removeItem(at: index) }
                    let history = HistoryIndex.load(folder: folder)
                    let directory = ClientDirectory(sessions: history.sessions, aliases: ClientAliases())
                    benchmarkSink &+= query(history, directory)
                }
                rows.append(ReportRow(group: "history", measure: "debrief \(name), \(sessions) sessions (\(phase))",
                                      value: CoreBenchmarks.milliseconds(time), goal: deleteIndex ? "< 2 s" : "< 200 ms"))
            }
        }
        return rows
    }
}
