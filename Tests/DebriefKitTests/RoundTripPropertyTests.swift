import DebriefKit
import Foundation
import PropertyBased
import Testing

/// Whatever a writer writes, a reader reads back equal: random meetings whose notes, drafts,
/// times, ids and agenda texts go up to every limit in `Limits` (and exactly to it), in the
/// text that grows most when escaped, through the journal and the finished session file.
@Suite("Round trip: the writer never writes what the reader refuses")
struct RoundTripPropertyTests {
    /// Characters chosen to grow most in JSON (a control character becomes `\u001b`: 6×)
    /// or to sit on boundaries (4-byte scalars, combining marks, tag characters).
    private static let alphabet: [Character] = [
        "x", "\u{1B}", "\u{0}", "\"", "\\", "\n", "\t", "é", "😀", "\u{2028}", "\u{E0041}", "e\u{301}", "/", "@", " ",
    ]

    private static func text(bytes: Int, using rng: inout Xoshiro) -> String {
        var result = ""
        while true {
            let next = alphabet.randomElement(using: &rng)!
            if result.utf8.count + String(next).utf8.count > bytes { break }
            result.append(next)
        }
        // Pad with ASCII to the exact byte count: at the limit, not just near it.
        return result + String(repeating: "x", count: bytes - result.utf8.count)
    }

    /// An agenda at its limits: every text as long as allowed, in escape-heavy characters,
    /// as many as fit under `Limits.agendaHeaderBytes`.
    static func agendaAtTheLimit() -> Agenda {
        let heavy = String(repeating: "\u{1B}", count: Limits.agendaTextBytes)
        var sections: [AgendaSection] = []
        var agenda = Agenda(name: "limit", title: heavy, sections: [],
                            taxonomy: Taxonomy(rootCauses: ["c"], severities: ["s"]))
        for number in 1... {
            var candidate = agenda
            candidate.sections = sections + [AgendaSection(id: "s\(number)", title: heavy, minutes: Limits.sectionMinutes)]
            guard number <= Limits.agendaSections,
                  SessionCoding.line(candidate).count <= Limits.agendaHeaderBytes else { break }
            sections = candidate.sections
            agenda = candidate
        }
        return agenda
    }

    private static func events(seed: UInt64, agenda: Agenda) -> [Event] {
        var rng = Xoshiro(seed: (seed, seed &* 31 &+ 7, 0x9E37_79B9_7F4A_7C15, seed ^ 0xDEAD_BEEF))
        var events = [Event(t: 0, .sectionStarted(section: agenda.sections[0].id))]
        var t = 0
        for id in 1...Int.random(in: 1...30, using: &rng) {
            t += Int.random(in: 0...(Limits.maximumTime / 40), using: &rng)
            let section = agenda.sections.randomElement(using: &rng)!.id
            // A third of the notes exactly at the limit, the rest anywhere below it.
            let bytes = Int.random(in: 0...2, using: &rng) == 0 ? Limits.noteBytes : Int.random(in: 1...Limits.noteBytes, using: &rng)
            let text = text(bytes: bytes, using: &rng)
            let kind = NoteKind.allCases.randomElement(using: &rng)!
            // An owner is a word of the note: as long as the note at worst.
            let owner = kind == .action ? String(text.prefix(Int.random(in: 1...max(1, text.count), using: &rng))) : nil
            events.append(Event(t: t, .noteAdded(id: id, section: section,
                                                 content: NoteContent(kind: kind, text: text, owner: owner, due: kind == .action ? "2026-12-01" : nil))))
            if Bool.random(using: &rng) {
                events.append(Event(t: t, .draftChanged(text: Self.text(bytes: Limits.noteBytes, using: &rng))))
            }
        }
        events.append(Event(t: Limits.maximumTime, .noteRemoved(id: Limits.maximumID)))
        events.append(Event(t: Limits.maximumTime, .meetingEnded))
        return events
    }

    private func roundTrip(agenda: Agenda, events: [Event], title: String = "Round trip") throws {
        let folder = Fixtures.temporaryFolder()
        let header = SessionHeader(agenda: agenda, meeting: MeetingInfo(title: title, startedAt: "2026-11-23T14:00:00Z"))
        let recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: folder), date: Date())
        // Compared as booleans: a failure must not print megabytes of note text.
        for event in events { #expect(recorder.record(event) == nil) }
        let unchanged = recorder.events == events
        #expect(unchanged, "nothing within the limits is changed on the way in")

        let journal = try SessionReader.read(recorder.journalURL)
        #expect(journal.skippedLines.isEmpty)
        let journalEqual = journal.header == header && journal.events == events
        #expect(journalEqual)

        let (session, _) = try recorder.finish()
        let file = try SessionReader.read(session)
        #expect(file.skippedLines.isEmpty)
        let fileEqual = file.events == events
        #expect(fileEqual)
        let summaryEqual = file.summary.map { $0 == SessionSummary(state: file.state) }
        #expect(summaryEqual == true, "the summary reads back, however long")
        let longest = JSONLinesProbe.longestLine(try Data(contentsOf: session))
        #expect(longest <= Limits.lineBytes)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomMeetingsUpToEveryLimitReadBackEqual(seed: UInt64) throws {
        let agenda = RandomSession.agenda
        try roundTrip(agenda: agenda, events: Self.events(seed: seed, agenda: agenda))
    }

    @Test func aMeetingWithMoreNoteTextThanOneLineHoldsGetsASplitSummaryThatReadsBackWhole() throws {
        let agenda = RandomSession.agenda
        let heavy = String(repeating: "\u{1B}", count: Limits.noteBytes)
        var events = [Event(t: 0, .sectionStarted(section: "s1"))]
        for id in 1...12 {
            events.append(Event(t: id, .noteAdded(id: id, section: id < 10 ? "s1" : "s3",
                                                  content: NoteContent(kind: .action, text: heavy, owner: heavy, due: nil))))
        }
        events.append(Event(t: 20, .meetingEnded))
        try roundTrip(agenda: agenda, events: events)
    }

    @Test func anAgendaAtItsLimitsStartsAJournalThatReadsBack() throws {
        let agenda = Self.agendaAtTheLimit()
        #expect(agenda.sections.count > 1)
        var rng = Xoshiro(seed: (5, 6, 7, 8))
        let text = Self.text(bytes: Limits.noteBytes, using: &rng)
        let events = [Event(t: 0, .sectionStarted(section: agenda.sections[0].id))]
            + agenda.sections.enumerated().map { Event(t: 1, .noteAdded(id: $0.offset + 1, section: $0.element.id, content: NoteContent(kind: .note, text: text))) }
            + [Event(t: 2, .meetingEnded)]
        try roundTrip(agenda: agenda, events: events)
        // Through the loader too: the same agenda as YAML is accepted by `check` and `run`.
        let loaded = try AgendaLoader.parse(yaml: AgendaYAML.text(of: agenda), file: "limit.yaml")
        #expect(loaded == agenda)
    }

    @Test func aHeaderOverTheLineLimitIsRefusedBeforeAnyJournalExists() throws {
        let folder = Fixtures.temporaryFolder()
        let header = SessionHeader(agenda: Self.agendaAtTheLimit(), meeting: MeetingInfo(
            title: String(repeating: "\u{1B}", count: 40_000), startedAt: "2026-11-23T14:00:00Z"))
        #expect(throws: StorageError.self) {
            _ = try MeetingRecorder.start(header: header, store: SessionStore(folder: folder), date: Date())
        }
        let left = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        #expect(left.filter { $0.hasSuffix(SessionStore.journalSuffix) }.isEmpty)
    }

    @Test func aLongMeetingIsListedAndReadAsFinishedFromItsSplitSummary() throws {
        // 20,000 notes of 100 bytes: a 2.6 MB summary, in three parts.
        let agenda = RandomSession.agenda
        let header = SessionHeader(agenda: agenda, meeting: MeetingInfo(title: "Long", startedAt: "2026-11-23T14:00:00Z"))
        var events = [Event(t: 0, .sectionStarted(section: "s1"))]
        for id in 1...20_000 {
            events.append(Event(t: id, .noteAdded(id: id, section: ["s1", "s2", "s3"][id % 3],
                                                  content: NoteContent(kind: id % 2 == 0 ? .problem : .note, text: String(repeating: "n", count: 100)))))
        }
        events.append(Event(t: 30_000, .meetingEnded))
        let folder = Fixtures.temporaryFolder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appending(path: "2026-11-23-long" + SessionStore.sessionSuffix)
        let data = SessionCoding.sessionFile(header: header, events: events)
        try data.write(to: url)
        let summaryLines = String(decoding: data, as: UTF8.self).split(separator: "\n").filter { $0.contains("\"part\":") }
        #expect(summaryLines.count >= 3)
        #expect(JSONLinesProbe.longestLine(data) <= Limits.lineBytes)

        let record = try SessionReader.read(url)
        #expect(record.skippedLines.isEmpty)
        #expect(record.summary == SessionSummary(state: record.state), "finished, not interrupted")
        let entry = SessionCatalog.entry(for: url)
        #expect(entry.problem == nil)
        #expect(entry.notes == 20_000)
        #expect(entry.problems == 10_000)
        #expect(entry.durationMilliseconds == 30_000)
    }

    @Test func aSplitSummaryMissingAPartIsNoSummaryButEveryEventIsKept() throws {
        let agenda = RandomSession.agenda
        let header = SessionHeader(agenda: agenda, meeting: MeetingInfo(title: "Cut", startedAt: "2026-11-23T14:00:00Z"))
        let events = [Event(t: 0, .sectionStarted(section: "s1"))] + (1...5).map {
            Event(t: $0, .noteAdded(id: $0, section: "s1", content: NoteContent(kind: .note, text: String(repeating: "\u{1B}", count: Limits.noteBytes))))
        }
        var lines = String(decoding: SessionCoding.sessionFile(header: header, events: events), as: UTF8.self).split(separator: "\n")
        let parts = lines.count - 1 - events.count
        #expect(parts >= 2)
        lines.remove(at: lines.count - 2)
        let record = try SessionReader.parse(Data((lines.joined(separator: "\n") + "\n").utf8), path: "cut")
        let noSummary = record.summary == nil, allEvents = record.events == events
        #expect(noSummary)
        #expect(allEvents)
    }

    @Test func aSummaryWrittenAsOneLineBeforeTheSplitStillReads() throws {
        // Files written before summaries were split: one line, no part/parts.
        let agenda = RandomSession.agenda
        let header = SessionHeader(agenda: agenda, meeting: MeetingInfo(title: "Old", startedAt: "2026-11-23T14:00:00Z"))
        let events = [Event(t: 0, .sectionStarted(section: "s1")),
                      Event(t: 1, .noteAdded(id: 1, section: "s1", content: NoteContent(kind: .note, text: "kept"))),
                      Event(t: 2, .meetingEnded)]
        let data = SessionCoding.sessionFile(header: header, events: events)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("\"part\""), "a summary that fits is written exactly as before")
        let record = try SessionReader.parse(data, path: "old")
        #expect(record.summary?.sections[0].items.map(\.text) == ["kept"])
    }
}

/// The longest line of a file, in bytes.
enum JSONLinesProbe {
    static func longestLine(_ data: Data) -> Int {
        data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(\.count).max() ?? 0
    }
}

/// An agenda written back as YAML (double-quoted scalars, JSON-style escapes).
enum AgendaYAML {
    static func text(of agenda: Agenda) -> String {
        func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    out += String(format: "\\x%02X", scalar.value)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        }
        var yaml = "name: \(quoted(agenda.name))\ntitle: \(quoted(agenda.title))\nsections:\n"
        for section in agenda.sections {
            yaml += "  - id: \(section.id)\n    title: \(quoted(section.title))\n    minutes: \(section.minutes)\n    kind: \(section.kind.rawValue)\n"
        }
        yaml += "taxonomy:\n  root_causes: [\(agenda.taxonomy.rootCauses.map(quoted).joined(separator: ", "))]\n"
        yaml += "  severities: [\(agenda.taxonomy.severities.map(quoted).joined(separator: ", "))]\n"
        return yaml
    }
}
