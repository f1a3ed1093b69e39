import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// Whole screens at the sizes people use, line by line: an overlap, a cut word or a
/// missing key shows up as a changed line. Each expectation is the screen as text, so a
/// golden file can replace it one for one.
@Suite("Layout: whole screens at 60×16, 80×24, 100×30, 120×30 and 200×60")
struct LayoutTests {
    static let minute = 60_000

    /// Creator breakdown, 14 minutes in, three notes captured.
    static var creators: AppModel {
        ScreenFixtures.model(events: [
            Event(t: 0, .sectionStarted(section: "performance")),
            Event(t: 10 * minute, .sectionStarted(section: "creators")),
            Event(t: 11 * minute, .noteAdded(id: 1, section: "creators", content: NoteContent(text: "Nano tier beat macro on CPE"))),
            Event(t: 12 * minute, .noteAdded(id: 2, section: "creators", content: NoteContent(kind: .win, text: "Lena's reel: 3x organic rate"))),
            Event(t: 13 * minute, .noteAdded(id: 3, section: "creators", content: NoteContent(kind: .question, text: "Who briefed the macro tier?"))),
        ], now: 14 * minute)
    }

    /// What went wrong, 27 minutes in, more notes than fit: two problems (one tagged), an
    /// action answering the first.
    static var crowded: AppModel {
        var events = [Event(t: 0, .sectionStarted(section: "wrong"))]
        let texts = ["Creators paid a fee $3,000 each, well above the tier's rate", "Approvals took a week",
                     "Brief had no audience section", "Links were not tagged on day one", "Pixel fired twice",
                     "Two posts went out on a holiday", "Nobody owned the creator calendar", "Macro tier ignored the brief"]
        for (index, text) in texts.enumerated() {
            events.append(Event(t: (index + 1) * minute, .noteAdded(id: index + 1, section: "wrong", content: NoteContent(text: text))))
        }
        events.append(Event(t: 20 * minute, .noteAdded(id: 9, section: "wrong", content: NoteContent(kind: .problem, text: "Tracking links late"))))
        events.append(Event(t: 21 * minute, .noteTagged(id: 9, rootCause: "tools", severity: "critical")))
        events.append(Event(t: 22 * minute, .noteAdded(id: 10, section: "wrong", content: NoteContent(kind: .problem, text: "Approvals slow"))))
        events.append(Event(t: 23 * minute, .noteAdded(id: 11, section: "wrong",
                                                       content: NoteContent(kind: .action, text: "Tag every link before launch", owner: "li", due: "2026-12-01"))))
        events.append(Event(t: 24 * minute, .noteLinked(id: 11, problem: 9)))
        return ScreenFixtures.model(events: events, now: 27 * minute)
    }

    static func dump(_ name: String, _ model: AppModel, _ width: Int, _ height: Int) -> String {
        let screen = ScreenFixtures.render(model, width: width, height: height)
        if let folder = ProcessInfo.processInfo.environment["DEBRIEF_DUMP_SCREENS"] {
            try? screen.write(toFile: "\(folder)/\(name)-\(width)x\(height).txt", atomically: true, encoding: .utf8)
        }
        return screen
    }

    /// Compares line by line, naming the first line that differs (easier to read than two
    /// whole screens side by side).
    static func expectScreen(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false).map { localTimeFree(String($0)) }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false).map { localTimeFree(String($0)) }
        #expect(got.count == want.count, "rows", sourceLocation: sourceLocation)
        for (row, (line, wanted)) in zip(got, want).enumerated() where line != wanted {
            Issue.record("row \(row):\n got: \(line)\nwant: \(wanted)", sourceLocation: sourceLocation)
        }
    }

    /// "ends ~15:30" is wall-clock time in the machine's zone (the expectations were
    /// written in UTC): always five columns, so the layout is compared without it.
    static func localTimeFree(_ line: String) -> String {
        line.replacingOccurrences(of: #"ends ~\d\d:\d\d"#, with: "ends ~HH:MM", options: .regularExpression)
    }

    @Test(arguments: [(60, 16), (80, 24), (100, 30), (120, 30), (200, 60)])
    func aSectionWithAFewNotes(width: Int, height: Int) {
        let expected = [60: Self.creators60x16, 80: Self.creators80x24, 100: Self.creators100x30,
                        120: Self.creators120x30, 200: Self.creators200x60][width]!
        Self.expectScreen(Self.dump("creators", Self.creators, width, height), expected)
    }

    @Test func moreNotesThanFitShowTheMarkerOnTheRuleCoveringNoNote() {
        Self.expectScreen(Self.dump("crowded", Self.crowded, 60, 16), Self.crowded60x16)
        Self.expectScreen(Self.dump("crowded", Self.crowded, 80, 24), Self.crowded80x24)
    }

    @Test func theListAt60ColumnsKeepsF1AndF10AndBothMarkers() {
        var list = Self.crowded
        list.focus = .list
        list.selectedNoteID = 2
        Self.expectScreen(Self.dump("list", list, 60, 16), Self.list60x16)
    }

    @Test func theStatusLineShowsF1AndF10AtEveryWidthAndNeverCutsAnEntry() {
        for context in [KeyContext.typing, .list] {
            let entries = KeyMap.statusLine(for: context).compactMap { binding in binding.name.map { "\(binding.statusKeys) \($0)" } }
            for width in 60...200 {
                var canvas = Canvas(width: width, height: 1)
                StatusLine.draw(in: &canvas, row: 0, context: context)
                let line = canvas.text
                #expect(line.contains("F1 Help") && line.contains("F10 End"), "\(context) at \(width): \(line)")
                let shown = line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
                for part in shown where !part.isEmpty {
                    #expect(entries.contains(part), "a whole entry, never a cut one: '\(part)' at \(width)")
                }
            }
        }
    }

    @Test func theInputHintDropsWholeEntriesNeverPartOfAWord() {
        for width in 1...120 {
            let hint = NoteInput.placeholder(width: width)
            #expect(DisplayWidth.of(hint) <= width)
            let parts = hint.isEmpty ? [] : hint.components(separatedBy: "  ")
            #expect(parts == Array(NoteInput.hints.prefix(parts.count)), "at \(width): \(hint)")
        }
    }

    @Test func ctrlPShowsEveryPromptOnAShortScreenAndOneLineOnATallOne() {
        var model = Self.creators
        #expect(!ScreenFixtures.render(model, width: 80, height: 24).contains("Clicks or conversions"))
        _ = model.handle(.key(.control("p")))
        let expanded = ScreenFixtures.render(model, width: 80, height: 24)
        #expect(expanded.contains("• Clicks or conversions from their unique link."))
        #expect(expanded.contains("Nano tier beat macro on CPE"), "the newest notes stay in view")
        let tall = ScreenFixtures.render(model, width: 120, height: 40)
        #expect(tall.contains("One creator at a time") && !tall.contains("Clicks or conversions"))
        _ = model.handle(.key(.control("p")))
        #expect(ScreenFixtures.render(model, width: 120, height: 40).contains("Clicks or conversions"))
        #expect(KeyMap.bindings.contains { $0.command == .togglePrompts && $0.keys == [.control("p")] })
    }

    @Test(arguments: [(60, 16), (80, 24), (100, 30)])
    func inReplayTheMarkerCoversNoNoteEither(width: Int, height: Int) throws {
        var events = [Event(t: 0, .sectionStarted(section: "performance"))]
        for id in 1...30 {
            let text = id == 1 ? "CPM fee $3,400 against $2,900 planned" : "KPI note \(id)"
            events.append(Event(t: id * 1000, .noteAdded(id: id, section: "performance", content: NoteContent(text: text))))
        }
        var replay = ReplayModel(timeline: ReplayTimeline(agenda: ScreenFixtures.agenda, events: events), info: ScreenFixtures.info)
        replay.seek(to: 30_000)
        let lines = ReplayScreen.render(replay, size: TerminalSize(width: width, height: height)).text
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rule = try #require(lines.firstIndex { $0.contains("Notes · 30") })
        #expect(lines[rule].contains("↑") && lines[rule].hasSuffix("more ──"), "on the rule: \(lines[rule])")
        #expect(lines[rule + 1].hasPrefix(" 00:"), "the first row under the rule is a whole note: \(lines[rule + 1])")
        #expect(!lines.contains { $0.contains("↑") && $0.contains("note") })
    }

    @Test func aLongMessageOnTheInputRuleIsCutAtAWord() {
        var model = Self.creators
        model.message = "there is no problem #7; link it with l in the list (Tab), or type the number the list shows"
        let screen = ScreenFixtures.render(model, width: 60, height: 16)
        #expect(screen.contains("── there is no problem #7; link it with l in the list… ──"), "\(screen)")
    }

    static let creators60x16 = """
         Debrief · Spring launch post-mortem · Acme / Sprin ● saved

         2/6  Creator breakdown                          16:00 left
         ━━━━━━━━━━━───────────────────────────────────────────────
         • One creator at a time: followers at…         Ctrl-P: all
        ── Notes · 3 ───────────────────────────────────────────────
         11:00 note    Nano tier beat macro on CPE
         12:00 WIN     Lena's reel: 3x organic rate
         13:00 ?       Who briefed the macro tier?
        ────────────────────────────────────────────────────────────
         ✓Perfo… ▶Creator breakdown ·Conte… ·What   ·What   ·Action
         Elapsed 14:00 of 1:30:00 · ends ~15:30 · on time
        ────────────────────────────────────────────────────────────
         › Enter saves a note.  ! problem  + win

         F1 Help  PgDn Next  PgUp Back  F2 Pause  F4 Tag  F10 End
        """

    static let creators80x24 = """
         Debrief · Spring launch post-mortem · Acme / Spring                    ● saved

         2/6  Creator breakdown                                              16:00 left
         ━━━━━━━━━━━━━━━───────────────────────────────────────────────────────────────
         • One creator at a time: followers at campaign time, format…       Ctrl-P: all
        ── Notes · 3 ───────────────────────────────────────────────────────────────────
         11:00 note    Nano tier beat macro on CPE
         12:00 WIN     Lena's reel: 3x organic rate
         13:00 ?       Who briefed the macro tier?








        ────────────────────────────────────────────────────────────────────────────────
         ✓Performan… ▶Creator breakdown ·Content    ·What went  ·What       ·Action
         Elapsed 14:00 of 1:30:00 · ends ~15:30 · on time
        ────────────────────────────────────────────────────────────────────────────────
         › Enter saves a note.  ! problem  + win  > action @owner due fri  ? question

         F1 Help  PgDn Next  PgUp Back  F2 Pause  F3 +5 min  Tab Notes  F4 Tag  F10 End
        """

    static let creators100x30 = """
         Debrief · Spring launch post-mortem · Acme / Spring                                        ● saved

         2/6  Creator breakdown                                                                  16:00 left
         ━━━━━━━━━━━━━━━━━━━───────────────────────────────────────────────────────────────────────────────

         • One creator at a time: followers at campaign time, format (reel, static, story, long video).
         • Engagement on the sponsored post against their usual organic rate.
         • Clicks or conversions from their unique link.
         • First draft on time? Revisions needed? Execution rating 1-5.
         • Patterns: which tier (nano, micro, mid, macro) or platform beat expectations? Did detailed
           briefs beat vague ones?

         Stay concrete and blameless: describe what each creator delivered against what they were asked
         for.
        ── Notes · 3 ───────────────────────────────────────────────────────────────────────────────────────
         11:00 note    Nano tier beat macro on CPE
         12:00 WIN     Lena's reel: 3x organic rate
         13:00 ?       Who briefed the macro tier?





        ────────────────────────────────────────────────────────────────────────────────────────────────────
         ✓Performance    ▶Creator breakdown ·Content        ·What went      ·What worked    ·Action items
         Elapsed 14:00 of 1:30:00 · ends ~15:30 · on time
        ────────────────────────────────────────────────────────────────────────────────────────────────────
         › Enter saves a note.  ! problem  + win  > action @owner due fri  ? question

         F1 Help  PgDn Next  PgUp Back  F2 Pause  F3 +5 min  Tab Notes  F4 Tag  F10 End  Ctrl-P Prompts
        """

    static let creators120x30 = """
         Debrief · Spring launch post-mortem · Acme / Spring                                                            ● saved
                                         │
         Agenda                          │ 2/6  Creator breakdown                                                    16:00 left
                                         │ ━━━━━━━━━━━━━━━━────────────────────────────────────────────────────────────────────
         ✓ Performance vs. goals   10/10m│
         ▶ Creator breakdown        4/20m│ • One creator at a time: followers at campaign time, format (reel, static, story,
           Content analysis         0/20m│   long video).
           What went wrong          0/20m│ • Engagement on the sponsored post against their usual organic rate.
           What worked              0/10m│ • Clicks or conversions from their unique link.
           Action items             0/10m│ • First draft on time? Revisions needed? Execution rating 1-5.
                                         │ • Patterns: which tier (nano, micro, mid, macro) or platform beat expectations? Did
         Elapsed 14:00 of 1:30:00        │   detailed briefs beat vague ones?
         ends ~15:30                     │
         on time                         │ Stay concrete and blameless: describe what each creator delivered against what they
                                         │ were asked for.
                                         │── Notes · 3 ─────────────────────────────────────────────────────────────────────────
                                         │ 11:00 note    Nano tier beat macro on CPE
                                         │ 12:00 WIN     Lena's reel: 3x organic rate
                                         │ 13:00 ?       Who briefed the macro tier?
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │──────────────────────────────────────────────────────────────────────────────────────
                                         │ › Enter saves a note.  ! problem  + win  > action @owner due fri  ? question
                                         │
         F1 Help  PgDn Next  PgUp Back  F2 Pause  F3 +5 min  Tab Notes  F4 Tag  F10 End  Ctrl-P Prompts
        """

    static let creators200x60 = """
         Debrief · Spring launch post-mortem · Acme / Spring                                                                                                                                            ● saved
                                         │
         Agenda                          │ 2/6  Creator breakdown                                                                                                                                    16:00 left
                                         │ ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
         ✓ Performance vs. goals   10/10m│
         ▶ Creator breakdown        4/20m│ • One creator at a time: followers at campaign time, format (reel, static, story, long video).
           Content analysis         0/20m│ • Engagement on the sponsored post against their usual organic rate.
           What went wrong          0/20m│ • Clicks or conversions from their unique link.
           What worked              0/10m│ • First draft on time? Revisions needed? Execution rating 1-5.
           Action items             0/10m│ • Patterns: which tier (nano, micro, mid, macro) or platform beat expectations? Did detailed briefs beat vague ones?
                                         │
         Elapsed 14:00 of 1:30:00        │ Stay concrete and blameless: describe what each creator delivered against what they were asked for.
         ends ~15:30                     │── Notes · 3 ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
         on time                         │ 11:00 note    Nano tier beat macro on CPE
                                         │ 12:00 WIN     Lena's reel: 3x organic rate
                                         │ 13:00 ?       Who briefed the macro tier?
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │
                                         │──────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────────
                                         │ › Enter saves a note.  ! problem  + win  > action @owner due fri  ? question
                                         │
         F1 Help  PgDn Next  PgUp Back  F2 Pause  F3 +5 min  Tab Notes  F4 Tag  F10 End  Ctrl-P Prompts
        """

    static let crowded60x16 = """
         Debrief · Spring launch post-mortem · Acme / Sprin ● saved

         4/6  What went wrong                           OVER +07:00
         ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
         • Look at our own process first, not only…     Ctrl-P: all
        ── Notes · 11 ────────────────────────────────── ↑ 9 more ──
                       #2   ⚑ untagged (F4)
         23:00 ACTION  Tag every link before launch
                       → @li · due 2026-12-01 · answers #1
        ────────────────────────────────────────────────────────────
         ·Perfo… ·Creat… ·Conte… ▶What went wrong ·What   ·Action
         Elapsed 27:00 of 1:30:00 · ends ~15:37 · 7 min behind
        ────────────────────────────────────────────────────────────
         › Enter saves a note.  ! problem  + win

         F1 Help  PgDn Next  PgUp Back  F2 Pause  F4 Tag  F10 End
        """

    static let crowded80x24 = """
         Debrief · Spring launch post-mortem · Acme / Spring                    ● saved

         4/6  What went wrong                                               OVER +07:00
         ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
         • Look at our own process first, not only at creators or the…      Ctrl-P: all
         Causes: tools 1
         Severity: critical 1 · untagged 1
        ── Notes · 11 ────────────────────────────────────────────────────── ↑ 5 more ──
         06:00 note    Two posts went out on a holiday
         07:00 note    Nobody owned the creator calendar
         08:00 note    Macro tier ignored the brief
         20:00 PROBLEM Tracking links late
                       #1   tools · critical
         22:00 PROBLEM Approvals slow
                       #2   ⚑ untagged (F4)
         23:00 ACTION  Tag every link before launch
                       → @li · due 2026-12-01 · answers #1
        ────────────────────────────────────────────────────────────────────────────────
         ·Performan… ·Creator    ·Content    ▶What went wrong ·What       ·Action
         Elapsed 27:00 of 1:30:00 · ends ~15:37 · 7 min behind
        ────────────────────────────────────────────────────────────────────────────────
         › Enter saves a note.  ! problem  + win  > action @owner due fri  ? question

         F1 Help  PgDn Next  PgUp Back  F2 Pause  F3 +5 min  Tab Notes  F4 Tag  F10 End
        """

    static let list60x16 = """
         Debrief · Spring launch post-mortem · Acme / Sprin ● saved

         4/6  What went wrong                           OVER +07:00
         ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
         • Look at our own process first, not only…     Ctrl-P: all
        ── Notes · 11 ────────────────────────────────── ↑ 1 more ──
         02:00 note    Approvals took a week
         03:00 note    Brief had no audience section
                       ↓ 8 more
        ────────────────────────────────────────────────────────────
         ·Perfo… ·Creat… ·Conte… ▶What went wrong ·What   ·Action
         Elapsed 27:00 of 1:30:00 · ends ~15:37 · 7 min behind
        ────────────────────────────────────────────────────────────
         › Enter saves a note.  ! problem  + win

         F1 Help  Enter Edit  Del Delete  !+>?. Kind  F10 End
        """
}
