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

    /// Compares a whole screen (text and style of every cell) with its golden file in
    /// Tests/Golden/screens; `DEBRIEF_UPDATE_GOLDEN=1` rewrites it.
    static func expectScreen(_ name: String, _ model: AppModel, _ width: Int, _ height: Int,
                             sourceLocation: SourceLocation = #_sourceLocation) throws {
        let canvas = MeetingScreen.render(model, size: TerminalSize(width: width, height: height))
        try ScreenGolden.expect(canvas, name: "layout-\(name)-\(width)x\(height)", title: name, sourceLocation: sourceLocation)
    }

    @Test(.enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly), arguments: [(60, 16), (80, 24), (100, 30), (120, 30), (200, 60)])
    func aSectionWithAFewNotes(width: Int, height: Int) throws {
        try Self.expectScreen("creators", Self.creators, width, height)
    }

    @Test(.enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly))
    func moreNotesThanFitShowTheMarkerOnTheRuleCoveringNoNote() throws {
        try Self.expectScreen("crowded", Self.crowded, 60, 16)
        try Self.expectScreen("crowded", Self.crowded, 80, 24)
    }

    @Test(.enabled(if: ScreenGolden.isUTC, ScreenGolden.utcOnly))
    func theListAt60ColumnsKeepsF1AndF10AndBothMarkers() throws {
        var list = Self.crowded
        list.focus = .list
        list.selectedNoteID = 2
        try Self.expectScreen("list", list, 60, 16)
    }

    @Test func theStatusLineShowsF1AndF10AtEveryWidthAndNeverCutsAnEntry() {
        for context in [KeyContext.typing, .list, .sinceLastTime] {
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
        #expect(KeyMap.bindings.contains { $0.action == .togglePrompts && $0.keys == [.control("p")] })
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

    @Test func aMessageTooLongForTheInputRuleIsShownWholeAboveTheInput() {
        var model = Self.creators
        model.message = "there is no problem #7; link it with l in the list (Tab), or type the number the list shows"
        let lines = ScreenFixtures.render(model, width: 60, height: 16).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[10].allSatisfy { $0 == "─" || $0 == "|" }, "a plain rule: \(lines[10])")
        #expect(lines[11].hasPrefix("   there is no problem #7; link it with l in the list"), "\(lines[11])")
        #expect(lines[12].hasPrefix("   (Tab), or type the number the list shows"), "\(lines[12])")
        #expect(lines[13].hasPrefix(" › "), "the input keeps its row: \(lines[13])")
        #expect(lines[5].contains("Notes · 3"), "the notes keep their place: \(lines[5])")
    }

    @Test func withNoRowToSpareALongMessageStaysOnTheRuleAndNothingElseMoves() {
        var model = Self.creators
        model.editor = NoteEditor(text: "one\ntwo\nthree\nfour")
        let before = ScreenFixtures.render(model, width: 60, height: 16).split(separator: "\n", omittingEmptySubsequences: false)
        model.message = String(repeating: "advice that goes on ", count: 12)
        let after = ScreenFixtures.render(model, width: 60, height: 16).split(separator: "\n", omittingEmptySubsequences: false)
        let changed = before.indices.filter { before[$0] != after[$0] }
        #expect(changed.count == 1 && after[changed[0]].hasPrefix("── advice that goes on"), "\(after.joined(separator: "\n"))")
    }
}
