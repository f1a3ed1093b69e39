@testable import DebriefKit
import Foundation
import Testing

@Suite("Session files: format, fold and durability")
struct SessionFileTests {
    private func recordedMeeting() -> (SessionHeader, [Event]) {
        var script = MeetingScript(agenda: Fixtures.influencer)
        script.start("performance")
        script.wait(minutes: 3)
        script.note("Reach 1.2M vs 1M target", in: "performance")
        script.record(.clockPaused)
        script.wait(minutes: 2)
        script.record(.clockResumed)
        script.start("wrong")
        script.note("Brief lacked audience", kind: .problem, in: "wrong")
        script.record(.noteTagged(id: 2, rootCause: "process", severity: "critical"))
        script.wait(minutes: 25)
        script.record(.sectionExtended(section: "wrong", minutes: 5))
        script.start("actions")
        script.record(.noteAdded(id: 3, section: "actions", content: NoteContent(kind: .action, text: "Brief checklist", owner: "maria", due: "2026-12-01")))
        script.record(.noteLinked(id: 3, problem: 2))
        script.wait(minutes: 1)
        script.record(.meetingEnded)
        let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(
            title: "Spring", client: "Acme", startedAt: "2026-11-23T14:00:00Z"))
        return (header, script.events)
    }

    @Test func foldingTheEventsGivesExactlyTheSummaryLine() throws {
        let (header, events) = recordedMeeting()
        let record = try SessionReader.parse(SessionCoding.sessionFile(header: header, events: events), path: "x")
        #expect(record.header == header)
        #expect(record.events == events)
        #expect(record.skippedLines.isEmpty)
        let summary = try #require(record.summary)
        #expect(SessionSummary(state: record.state) == summary)
        let wrong = try #require(summary.sections.first { $0.id == "wrong" })
        #expect(wrong.elapsedSeconds == 25 * 60)
        #expect(wrong.extraMinutes == 5)
        #expect(wrong.items.first?.rootCause == "process")
        let action = try #require(summary.sections.last?.items.first)
        #expect(action.owner == "maria" && action.due == "2026-12-01" && action.problem == 2)
    }

    @Test func theFileIsJSONLinesWithHeaderEventsAndSummary() throws {
        let (header, events) = recordedMeeting()
        let text = String(decoding: SessionCoding.sessionFile(header: header, events: events), as: UTF8.self)
        let lines = text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == events.count + 2)
        #expect(lines.first?["type"] as? String == "header")
        #expect(lines.first?["format"] as? String == "debrief-session")
        #expect(lines.first?["version"] as? Int == 1)
        #expect(lines[1]["type"] as? String == "section_started")
        #expect(lines[1]["t"] as? Int == 0)
        #expect(lines.last?["type"] as? String == "summary")
        let sections = lines.last?["sections"] as? [[String: Any]]
        #expect(sections?.first?["planned_minutes"] as? Int == 10)
        #expect((sections?.first?["items"] as? [[String: Any]])?.first?["kind"] as? String == "note")
    }

    @Test func everyEventSurvivesAJSONRoundTrip() throws {
        let changes: [Change] = [
            .sectionStarted(section: "a"), .noteAdded(id: 1, section: "a", content: NoteContent(kind: .question, text: "why?")),
            .noteEdited(id: 1, content: NoteContent(kind: .action, text: "x", owner: "o", due: "2026-01-02")),
            .noteRemoved(id: 1), .noteRestored(id: 1), .noteTagged(id: 1, rootCause: nil, severity: "minor"),
            .noteLinked(id: 1, problem: nil), .noteVisibility(id: 1, clientVisible: true), .clockPaused, .clockResumed,
            .sectionExtended(section: "a", minutes: 5), .draftChanged(text: "half a tho", section: "a"), .draftChanged(text: "half a tho"), .meetingEnded,
        ]
        for (index, change) in changes.enumerated() {
            let event = Event(t: index * 1000, change)
            #expect(try JSONDecoder().decode(Event.self, from: SessionCoding.line(event)) == event)
        }
    }

    /// A long file is decoded on several threads: line for line what one thread reads, with
    /// foreign lines, events with unknown fields, damage, marks and a summary among them.
    @Test func decodingSideBySideReadsEveryLineAsOneThreadDoes() throws {
        var lines = [Data(SessionCoding.line(RandomSession.header).dropLast())]
        var seed: UInt64 = 1
        while lines.count < 9_000 {
            for event in RandomSession(seed: seed, maxEvents: 60).events {
                lines.append(Data(SessionCoding.line(event).dropLast()))
            }
            seed += 1
        }
        let odd: [String] = [
            #"{"type":"future_thing","x":1}"#, "not json at all", "", #"{"t":1200,"type":"alive"}"#,
            "{\"zz_newer\":1," + String(decoding: lines[10].dropFirst(), as: UTF8.self),  // a field of a later build
            String(repeating: "x", count: SessionReader.maximumLineBytes + 1),
        ]
        for (index, text) in odd.enumerated() { lines.insert(Data(text.utf8), at: 1 + (index + 1) * lines.count / (odd.count + 2)) }
        let events = lines.count
        lines.append(Data(SessionCoding.line(SessionSummary(state: MeetingState.fold(agenda: RandomSession.agenda, events: []))).dropLast()))
        let one = SessionLine.decode(lines, lastLine: lines.count - 1, parts: 1)
        #expect(one.count == lines.count - 1)
        #expect(one.contains { if case .foreign = $0 { true } else { false } })
        #expect(one.contains { if case .unreadable(oversized: true) = $0 { true } else { false } })
        #expect(one.contains { if case .alive(1200) = $0 { true } else { false } })
        #expect(one.contains { if case .event(_, foreignType: .some) = $0 { true } else { false } })
        guard case .summary = one.last else { Issue.record("the summary line, last"); return }
        for parts in [2, 3, 7] {
            #expect(SessionLine.decode(lines, lastLine: lines.count - 1, parts: parts) == one, "\(parts) threads, \(events) lines")
        }
    }

    @Test func aTornLastLineIsSkippedAndEverythingBeforeItKept() throws {
        let (header, events) = recordedMeeting()
        var data = SessionCoding.line(header)
        for event in events { data.append(SessionCoding.line(event)) }
        data.append(contentsOf: Array("{\"type\":\"note_ad".utf8))
        let record = try SessionReader.parse(data, path: "journal")
        #expect(record.events == events)
        #expect(record.skippedLines == [events.count + 2])
        #expect(record.summary == nil)
    }

    @Test func garbageAndWrongVersionsGiveAClearError() {
        #expect(throws: SessionReadError.self) { try SessionReader.parse(Data("garbage\n".utf8), path: "g") }
        let future = String(decoding: SessionCoding.line(SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "t", startedAt: "x"))), as: UTF8.self)
            .replacingOccurrences(of: "\"version\":1", with: "\"version\":9")
        do {
            _ = try SessionReader.parse(Data(future.utf8), path: "f")
            Issue.record("version 9 must be refused")
        } catch {
            #expect(error.description.contains("version 9 is not supported"))
        }
    }

    @Test func filesAre0600AndFolders0700WhateverTheUmask() throws {
        let previous = umask(0)
        defer { umask(previous) }
        let folder = Fixtures.temporaryFolder().appending(path: "deep/sessions")
        let store = SessionStore(folder: folder)
        let (header, events) = recordedMeeting()
        let recorder = try MeetingRecorder.start(header: header, store: store, date: Date())
        for event in events { #expect(recorder.record(event) == nil) }
        let journalMode = try FileManager.default.attributesOfItem(atPath: recorder.journalURL.path)[.posixPermissions] as? Int
        #expect(journalMode == 0o600)
        let files = try recorder.finish()
        for url in [files.session, files.brief] {
            #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o600)
        }
        for url in [folder, folder.deletingLastPathComponent()] {
            #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int == 0o700)
        }
        #expect(!FileManager.default.fileExists(atPath: recorder.journalURL.path), "the journal is retired once the session file is written")
        #expect(try SessionReader.read(files.session).events == events)
    }

    @Test func theJournalHoldsEveryEventAsSoonAsItIsRecorded() throws {
        let store = SessionStore(folder: Fixtures.temporaryFolder())
        let (header, events) = recordedMeeting()
        let recorder = try MeetingRecorder.start(header: header, store: store, date: Date())
        for event in events.prefix(4) { recorder.record(event) }
        let journal = try SessionReader.read(recorder.journalURL)
        #expect(journal.events == Array(events.prefix(4)))
    }

    @Test func sessionNamesAreDatedSlugsAndNeverOverwrite() throws {
        let folder = Fixtures.temporaryFolder()
        let store = SessionStore(folder: folder)
        let date = ISO8601DateFormatter().date(from: "2026-11-23T10:00:00Z")!
        let utc = TimeZone(identifier: "UTC")!
        #expect(store.newBaseName(title: "Acme: Spring Launch!", date: date, timeZone: utc) == "2026-11-23-acme-spring-launch")
        try Data().write(to: folder.appending(path: "2026-11-23-acme-spring-launch.debrief.jsonl"))
        #expect(store.newBaseName(title: "Acme: Spring Launch!", date: date, timeZone: utc) == "2026-11-23-acme-spring-launch-2")
        #expect(SessionStore.slug("../../etc/passwd") == "etc-passwd")
        #expect(SessionStore.slug("日本") == "session")
    }

    @Test func theBriefGivesEachSectionsTimeAndEveryItemOnce() {
        var (header, events) = recordedMeeting()
        events.insert(Event(t: 30 * Fixtures.minute, .noteAdded(id: 9, section: "wrong", content: NoteContent(
            kind: .question, text: "Who signs off briefs?"))), at: events.count - 1)
        let brief = BriefWriter.markdown(header: header, state: MeetingState.fold(agenda: header.agenda, events: events))
        #expect(brief.hasPrefix("# Spring\n"))
        #expect(brief.contains("- **Client:** Acme"))
        #expect(brief.contains("| What went wrong | 25:00 | 20 min + 5 min |"))
        #expect(brief.contains("| Creator breakdown | 00:00 | 20 min |"))
        #expect(brief.contains("### Process\n\n- **Critical:** Brief lacked audience"))
        #expect(brief.contains("| Brief checklist | maria | 2026-12-01 | Brief lacked audience |"))
        // The discussion adds only what is not above: the question, in its section.
        let discussion = brief.components(separatedBy: "## Discussion by section").last
        #expect(discussion == "\n\n### What went wrong\n\n- `30:00` **Question:** Who signs off briefs?\n")
    }
}
