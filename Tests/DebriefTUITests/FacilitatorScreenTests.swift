import DebriefKit
@testable import DebriefTUI
import Testing

@Suite("Facilitator screen, rendered headless")
struct FacilitatorScreenTests {
    let minute = 60_000

    @Test(arguments: [(80, 24), (160, 48)])
    func showsSectionCountdownPromptsAndAgendaProgress(width: Int, height: Int) {
        let model = ScreenFixtures.model(events: [
            Event(t: 0, .sectionStarted(section: "performance")),
            Event(t: 10 * minute, .sectionStarted(section: "creators")),
            Event(t: 12 * minute, .noteAdded(id: 1, section: "creators", content: NoteContent(text: "Nano tier beat macro on CPE"))),
        ], now: 13 * minute + 30_000)
        let screen = ScreenFixtures.render(model, width: width, height: height)
        #expect(screen.contains("2/6  Creator breakdown"))
        #expect(screen.contains("16:30 left"))
        #expect(screen.contains("One creator at a time"))
        #expect(screen.contains("Nano tier beat macro on CPE"))
        #expect(screen.contains("Elapsed 13:30 of 1:30:00"))
        #expect(screen.contains("on time"))
        #expect(screen.contains("F1 Help"))
        #expect(screen.contains("PgDn Next"))
        #expect(screen.contains("F10 End"))
        #expect(screen.contains("✓Perform") || screen.contains("✓ Performance"))
        #expect(screen.contains("▶Creator") || screen.contains("▶ Creator"))
        for line in screen.split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= width)
        }
    }

    @Test func thePaneShowsAllItsPromptsWhenThereIsRoomAndMarksACutWhenThereIsNot() throws {
        let model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "performance"))], now: minute)
        let guidanceEnd = "note where each target came from."
        let roomy = ScreenFixtures.render(model, width: 100, height: 30)
        #expect(roomy.contains(guidanceEnd), "the whole guidance, not half a sentence")
        #expect(!roomy.contains("…"))

        let small = ScreenFixtures.render(model, width: 80, height: 24)
        #expect(!small.contains(guidanceEnd))
        let lines = small.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let notesRule = try #require(lines.firstIndex { $0.contains("Notes · 0") })
        #expect(lines[notesRule - 1].contains("…"), "prompts collapsed to one line end in … when cut")
        #expect(lines[notesRule - 1].contains("Ctrl-P: all"), "and say how to see them all")
        let strip = try #require(lines.lastIndex { $0.contains("Performance") && $0.contains("Action") })
        #expect(strip - notesRule - 2 >= 6, "the notes keep at least six rows")
    }

    @Test func wideScreensListEverySectionWithItsTimeUsed() {
        let model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "performance"))], now: 4 * minute)
        let screen = ScreenFixtures.render(model, width: 160, height: 48)
        #expect(screen.contains("▶ Performance vs. goals"))
        #expect(screen.contains("4/10m"))
        #expect(screen.contains("  Action items"))
        #expect(screen.contains("0/10m"))
    }

    @Test func anOverrunSectionShowsHowFarOverAndTheMeetingBehind() {
        let model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "performance"))],
                                         now: 12 * minute + 5_000)
        let canvas = FacilitatorScreen.render(model, size: TerminalSize(width: 80, height: 24))
        #expect(canvas.text.contains("OVER +02:05"))
        #expect(canvas.text.contains("2 min behind"))
        // Highlighted, not just different text: the clock is drawn in the alert style.
        let row = canvas.lines.firstIndex { $0.contains("OVER +02:05") }!
        let column = canvas.lines[row].distance(from: canvas.lines[row].startIndex, to: canvas.lines[row].range(of: "OVER")!.lowerBound)
        #expect(canvas[column, row].style == .alert)
    }

    @Test func pausedClockSaysSo() {
        let model = ScreenFixtures.model(events: [
            Event(t: 0, .sectionStarted(section: "performance")), Event(t: minute, .clockPaused),
        ], now: 5 * minute)
        #expect(ScreenFixtures.render(model, width: 80, height: 24).contains("PAUSED 09:00 left"))
    }

    @Test func helpOverlayListsEveryKeyFromTheKeyMap() {
        var model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "performance"))], now: 0)
        _ = model.handle(.key(.function(1)))
        // At 80×24 the help scrolls: every key must be seen on some page.
        var seen = ""
        for _ in 0..<12 {
            seen += ScreenFixtures.render(model, width: 80, height: 24)
            _ = model.handle(.key(.pageDown))
        }
        for binding in KeyMap.bindings {
            let keys = binding.keys.map(\.label).joined(separator: " ")
            #expect(seen.contains(keys), "help must list \(keys)")
            #expect(seen.contains(String(binding.help.prefix(24))), "help must explain \(keys)")
        }
        #expect(ScreenFixtures.render(model, width: 80, height: 24).contains("Esc or F1: close this help"))
        _ = model.handle(.key(.escape))
        #expect(!ScreenFixtures.render(model, width: 120, height: 40).contains("Esc or F1: close this help"))
    }

    @Test func tooSmallTerminalsGetAClearMessageInsteadOfAGarbledScreen() {
        let model = ScreenFixtures.model(events: [Event(t: 0, .sectionStarted(section: "performance"))], now: 0)
        let screen = ScreenFixtures.render(model, width: 40, height: 10)
        #expect(screen.contains("Terminal too small: 40×10."))
        #expect(screen.contains("Debrief needs 60×16."))
    }

    @Test func hostileNoteTextIsShownAsVisibleSymbols() {
        let model = ScreenFixtures.model(events: [
            Event(t: 0, .sectionStarted(section: "performance")),
            Event(t: 1, .noteAdded(id: 1, section: "performance", content: NoteContent(text: "x\u{1B}[2J\u{9B}y"))),
        ], now: 1)
        let canvas = FacilitatorScreen.render(model, size: TerminalSize(width: 80, height: 24))
        #expect(canvas.text.contains("x^[[2J\\u009By"))
        #expect(!canvas.cells.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) } })
    }
}
