import DebriefKit
import DebriefTUI
import Foundation
import TestSupport

/// One line of the report: what was measured, the figure, and the goal it is held to.
struct ReportRow {
    var group: String
    var measure: String
    var value: String
    var goal: String = ""
}

/// The in-process figures: sessions loaded and replayed at scale, frames rendered.
struct CoreBenchmarks {
    var agenda: Agenda
    /// Session sizes to load, in events; the largest is also the one seeks run in.
    var sizes: [Int]
    var seeks: Int
    var runs: Int
    /// Nil: the replay's own choice for the session's size.
    var snapshotInterval: Int?
    /// Session files in the folder that `debrief sessions` lists.
    var folderSessions: Int

    func run() -> [ReportRow] {
        load() + seek() + listFolder() + importData() + render() + encoding() + foresight() + typing()
    }

    /// Parse + fold of whole session files; per-event cost shows any growth that is not linear.
    func load() -> [ReportRow] {
        var rows: [ReportRow] = []
        for size in sizes {
            var generator = SessionGenerator(agenda: agenda)
            let file = generator.sessionFile(events: size).data
            var record: SessionRecord?
            let parse = Measure.median(runs: runs) {
                record = try? SessionReader.parse(file, path: "generated")
            }
            guard let events = record?.events, events.count == size else {
                rows.append(ReportRow(group: "core", measure: "load \(size) events", value: "FAILED: session did not read back"))
                continue
            }
            let fold = Measure.median(runs: runs) {
                benchmarkSink &+= MeetingState.fold(agenda: agenda, events: events).notes.count
            }
            let total = parse + fold
            rows.append(ReportRow(group: "core", measure: "load \(Self.count(size)) events (parse + fold)",
                                  value: "\(Self.milliseconds(total)) · \(Self.microseconds(total / Double(size)))/event",
                                  goal: size >= 100_000 ? "< 1 s, flat per event" : "flat per event"))
            rows.append(ReportRow(group: "core", measure: "  of which fold",
                                  value: "\(Self.milliseconds(fold)) · \(Self.microseconds(fold / Double(size)))/event"))
        }
        return rows
    }

    /// Seeks to random times in the largest session through the replay's own timeline, each
    /// folded from the nearest snapshot.
    func seek() -> [ReportRow] {
        guard let size = sizes.max() else { return [] }
        var generator = SessionGenerator(agenda: agenda, seed: 7)
        let events = generator.events(count: size)
        var seeker: ReplayTimeline?
        let build = Measure.seconds { seeker = ReplayTimeline(agenda: agenda, events: events, snapshotInterval: snapshotInterval) }
        guard let seeker, let end = events.last?.t else { return [] }
        var random = SeededRandom(seed: 99)
        let times = (0..<seeks).map { _ in
            let t = random.next(upTo: end + 1)
            return Measure.seconds { benchmarkSink &+= seeker.state(at: t).notes.count }
        }
        let label = "\(seeks) seeks in \(Self.count(size)) events"
        return [
            ReportRow(group: "core", measure: "\(label): p50 / max",
                      value: "\(Self.milliseconds(Measure.median(times))) / \(Self.milliseconds(times.max() ?? 0))",
                      goal: "any seek < 50 ms"),
            ReportRow(group: "core", measure: "  snapshots every \(seeker.snapshotInterval) events, built in",
                      value: Self.milliseconds(build)),
        ]
    }

    /// `debrief sessions` over a folder of finished meetings (each read, folded and counted),
    /// the scan a history of past sessions is built on. Per-file cost shows growth.
    func listFolder() -> [ReportRow] {
        let folder = FileManager.default.temporaryDirectory.appending(path: "debrief-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var generator = SessionGenerator(agenda: agenda, seed: 5)
            for index in 0..<folderSessions {
                // A 90-minute meeting's worth of events: notes, tags, section changes.
                let file = generator.sessionFile(events: 300).data
                try file.write(to: folder.appending(path: String(format: "2026-01-01-meeting-%05d", index) + SessionStore.sessionSuffix))
            }
        } catch {
            return [ReportRow(group: "core", measure: "list \(folderSessions) session files", value: "FAILED: \(error)")]
        }
        var listed = 0
        let time = Measure.median(runs: runs) { listed = SessionCatalog.entries(in: folder).count }
        guard listed == folderSessions else {
            return [ReportRow(group: "core", measure: "list \(folderSessions) session files", value: "FAILED: listed \(listed)")]
        }
        return [ReportRow(group: "core", measure: "list \(Self.count(folderSessions)) session files (debrief sessions)",
                          value: "\(Self.milliseconds(time)) · \(Self.milliseconds(time / Double(folderSessions)))/file",
                          goal: "< 1 s")]
    }

    /// The benchmarks' meeting (Acme's spring campaign): its first section started, then `events`.
    func meetingModel(startingWith events: [Event]) -> AppModel {
        AppModel(meeting: .fold(agenda: agenda, events: [Event(t: 0, .sectionStarted(section: agenda.sections[0].id))] + events),
                 info: MeetingInfo(title: "Benchmark", client: "Acme", campaign: "Spring", startedAt: "2026-11-23T14:00:00+01:00"))
    }

    /// One facilitator frame drawn into the canvas, mid-meeting, at the smallest full layout
    /// and a large projector layout; and how many cells one clock tick changes.
    func render() -> [ReportRow] {
        var generator = SessionGenerator(agenda: agenda, seed: 11)
        let events = generator.events(count: 400)
        var model = AppModel(meeting: .fold(agenda: agenda, events: events.dropLast()),
                             info: MeetingInfo(title: "Benchmark", client: "Acme", campaign: "Spring",
                                               startedAt: "2026-11-23T14:00:00+01:00"))
        model.now = model.meeting.lastEventTime
        _ = model.handle(.paste("creators posted after the launch window because the brief"))
        var rows: [ReportRow] = []
        for (width, height) in [(80, 24), (200, 60)] {
            let size = TerminalSize(width: width, height: height)
            let time = Measure.median(runs: runs * 20) {
                benchmarkSink &+= MeetingScreen.render(model, size: size).width
            }
            rows.append(ReportRow(group: "render", measure: "facilitator frame \(width)×\(height)",
                                  value: Self.microseconds(time)))
        }
        let size = TerminalSize(width: 80, height: 24)
        let before = MeetingScreen.render(model, size: size)
        model.now += 1000
        let after = MeetingScreen.render(model, size: size)
        let changed = after.changedCells(since: before).count
        rows.append(ReportRow(group: "render", measure: "cells changed by one clock tick (80×24)", value: "\(changed)"))
        rows.append(crowdedFrame())
        rows += tableFrames()
        return rows
    }

    /// The creator table with 20 and with 1,000 rows (and its patterns), at 80×24 and
    /// 200×60: drawing cost should not grow with rows that are not shown.
    private func tableFrames() -> [ReportRow] {
        [20, 1_000].flatMap(tableFrames(creators:))
    }

    private func tableFrames(creators: Int) -> [ReportRow] {
        guard let index = agenda.sections.firstIndex(where: { $0.table == .creators }) else { return [] }
        let tiers = ["nano", "micro", "mid", "macro"], platforms = ["Instagram", "TikTok", "YouTube"]
        var events = [Event(t: 0, .sectionStarted(section: agenda.sections[index].id))]
        for id in 1...creators {
            let fields: [String: FieldValue] = [
                "handle": .text("@creator\(id)"), "platform": .text(platforms[id % 3]), "tier": .text(tiers[id % 4]),
                "followers": .number(Double(1_000 * id)), "sponsored_er": .number(Double(id % 70) / 10),
                "organic_er": .number(Double(id % 50) / 10 + 0.5), "clicks": .number(Double(id * 7)),
                "conversions": .number(Double(id % 90)), "fee": .number(Double(100 + id)), "rating": .number(Double(id % 5 + 1)),
            ]
            events.append(Event(t: id * 10, .recordAdded(id: id, table: .creators, fields: fields)))
        }
        var model = AppModel(meeting: .fold(agenda: agenda, events: events),
                             info: MeetingInfo(title: "Benchmark", startedAt: "2026-11-23T14:00:00+01:00"))
        model.now = model.meeting.lastEventTime
        return [(80, 24), (200, 60)].flatMap { width, height in
            let size = TerminalSize(width: width, height: height)
            let label = "frame \(width)×\(height) with a \(Self.count(creators))-row creator table"
            // Typing: the drawn pane is kept, as every keystroke's frame finds it.
            let time = Measure.median(runs: runs * 4) {
                benchmarkSink &+= MeetingScreen.render(model, size: size).width
            }
            // ↑↓ in the table: the pane is drawn anew from the kept rows.
            var focused = model
            focused.focus = .table
            var step = 0
            let moved = Measure.median(runs: runs * 4) {
                step += 1
                focused.selectedRecordID = 1 + step % 2
                benchmarkSink &+= MeetingScreen.render(focused, size: size).width
            }
            // A corrected cell: rows formatted, patterns grouped and the pane drawn anew.
            var edited = model
            let corrected = Measure.median(runs: runs * 4) {
                step += 1
                edited.apply(Event(t: edited.meeting.lastEventTime, .recordEdited(id: 1, field: "fee", value: .number(Double(step)))))
                benchmarkSink &+= MeetingScreen.render(edited, size: size).width
            }
            return [ReportRow(group: "render", measure: label, value: Self.microseconds(time), goal: "≤ notes frame"),
                    ReportRow(group: "render", measure: "  the selection moved (↑↓)", value: Self.microseconds(moved)),
                    ReportRow(group: "render", measure: "  a cell corrected", value: Self.microseconds(corrected))]
        }
    }

    /// The frame a note-taker types into late in a long meeting: thousands of notes in the
    /// current section, as in the pty harness's 5,000-note meeting. Shows whether drawing
    /// cost grows with notes that are not on screen.
    private func crowdedFrame() -> ReportRow {
        let section = agenda.sections[0].id
        let notes = 5_000
        let events = [Event(t: 0, .sectionStarted(section: section))] + (1...notes).map {
            Event(t: $0 * 10, .noteAdded(id: $0, section: section, content: NoteContent(text: "note \($0) about the brief")))
        }
        var model = AppModel(meeting: .fold(agenda: agenda, events: events),
                             info: MeetingInfo(title: "Benchmark", startedAt: "2026-11-23T14:00:00+01:00"))
        model.now = model.meeting.lastEventTime
        let size = TerminalSize(width: 100, height: 30)
        let time = Measure.median(runs: runs * 4) {
            benchmarkSink &+= MeetingScreen.render(model, size: size).width
        }
        return ReportRow(group: "render", measure: "frame 100×30 with \(Self.count(notes)) notes in the section",
                         value: Self.microseconds(time))
    }

    static func count(_ value: Int) -> String {
        value >= 1000 && value % 1000 == 0 ? "\(value / 1000)k" : "\(value)"
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1e3) }
    static func microseconds(_ seconds: Double) -> String { String(format: "%.2f µs", seconds * 1e6) }
}
