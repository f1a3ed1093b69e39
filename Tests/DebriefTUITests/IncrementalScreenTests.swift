import DebriefKit
@testable import DebriefTUI
import PropertyBased
import Testing

/// A typed key redraws only the note input into the last full frame, a clock turning over
/// only the parts that show the time (`IncrementalScreen`).
/// What the note-taker sees must be exactly what a full render would draw: random meetings
/// (notes, tables, sections, looking back), random keys from the whole key table, pastes,
/// resizes and time passing, compared cell for cell, style and cursor, after every step.
@Suite("Frames that redraw only the input look like full frames")
struct IncrementalScreenTests {
    static let sizes = [TerminalSize(width: 60, height: 16), TerminalSize(width: 80, height: 24),
                        TerminalSize(width: 100, height: 30), TerminalSize(width: 120, height: 30),
                        TerminalSize(width: 200, height: 60)]

    /// What a step does. Typing dominates, as in a meeting; every bound key comes up too.
    enum Step: Sendable {
        case key(Key)
        case paste(String)
        /// Meeting time passes (milliseconds).
        case wait(Int)
        case resize(Int)
        /// The loop journals the input as the draft (a pause in typing).
        case saveDraft
    }

    static let typed: [Character] = ["a", "e", " ", " ", "t", "!", "+", ">", "?", "@", "1", "2", "3", "y", "#", "日", "👍", "é", "="]
    static let steps: [Step] = typed.map { .key(.character($0)) } + typed.map { .key(.character($0)) }
        + boundKeys.map { .key($0) }
        + [.key(.enter), .key(.backspace), .key(.left), .key(.right), .key(.up), .key(.down), .key(.alt(.enter))]
        + [.paste("a pasted line\nand its second"), .paste(String(repeating: "creators posted late ", count: 12))]
        + [.wait(250), .wait(1000), .wait(60_000), .resize(0), .resize(1), .resize(2), .resize(3), .resize(4), .saveDraft, .saveDraft]

    /// Every key of the meeting's key table, once: a key added later is tested too.
    static var boundKeys: [Key] {
        var seen = Set<Key>()
        return KeyMap.bindings.flatMap(\.keys).filter { seen.insert($0).inserted }
    }

    static let sections = ["performance", "creators", "content", "wrong", "worked", "actions"]

    /// A meeting under way: a section, some notes in it and before it, maybe table rows.
    static func meeting(notes: Int, section: Int, rows: Int) -> CaptureDriver {
        var driver = CaptureDriver(section: sections[0])
        for number in 0..<notes {
            let kinds = ["", "!", "+", "> ", "?"]
            driver.send(.paste("\(kinds[number % kinds.count])note \(number) about the brief and the creators"))
            driver.press(.enter)
            if driver.model.overlay != nil { driver.press(.escape) }
        }
        for row in 0..<rows {
            let table = [RecordTable.kpis, .creators, .content][row % 3]
            driver.record(.recordAdded(id: driver.model.meeting.nextRecordID, table: table,
                                       fields: [table.keyColumn.key: .text(table == .creators ? "@c\(row)" : "row \(row)")]))
        }
        if section > 0 { driver.record(.sectionStarted(section: sections[section])) }
        return driver
    }

    @Test func afterEveryKeyTheFrameIsTheFullRender() async {
        let step = Gen.int(in: 0...(Self.steps.count - 1))
        await propertyCheck(count: 80, input: Gen.int(in: 0...30), Gen.int(in: 0...5), Gen.int(in: 0...6),
                            Gen.int(in: 0...4), step.array(of: 1...80)) { notes, section, rows, size, steps in
            var driver = Self.meeting(notes: notes, section: section, rows: rows)
            var screen = IncrementalScreen()
            var size = Self.sizes[size]
            // Meeting time of the last frame drawn in full: a kept frame shows its clocks.
            var clocksAt = driver.model.now
            var previous = screen.render(driver.model, size: size)
            for (index, pick) in steps.enumerated() {
                switch Self.steps[pick] {
                case .key(let key): driver.send(.key(key))
                case .paste(let text): driver.send(.paste(text))
                case .wait(let milliseconds): driver.model.now += milliseconds
                case .resize(let choice):
                    size = Self.sizes[choice]
                    driver.send(.resize)
                case .saveDraft:
                    let sections = driver.model.meeting.agenda.sections
                    driver.record(.draftChanged(text: driver.model.editor.text, section: sections[driver.model.inputSection].id))
                }
                let (partialBefore, clocksBefore) = (screen.partialFrames, screen.clockFrames)
                let frame = screen.render(driver.model, size: size)
                var reference = driver.model
                if screen.partialFrames == partialBefore || screen.clockFrames > clocksBefore {
                    clocksAt = driver.model.now
                } else {
                    // A kept frame never shows a clock a second behind.
                    #expect(driver.model.now / 1000 == clocksAt / 1000)
                    reference.now = clocksAt
                }
                let full = MeetingScreen.render(reference, size: size)
                // Compared as a Bool: a failing Canvas would print thousands of cells.
                let same = frame == full
                #expect(same, "step \(index) (\(Self.steps[pick])) at \(size.width)×\(size.height):\n\(frame.text)\n---\n\(full.text)")
                if !same { return }
                // The loop, its frame out and no key waiting, draws ahead for the input's next row.
                screen.prepareGrowth(driver.model, size: size)
                // The terminal compares frames of one lineage on their redrawn rows only: it
                // must find every cell that a comparison of all of them finds.
                var unstamped = frame
                unstamped.lineage = nil
                #expect(frame.changedCells(since: previous) == unstamped.changedCells(since: previous), "step \(index)")
                previous = frame
            }
        }
    }

    /// The key that wraps the input to a new row moves everything above it: the loop draws
    /// that frame ahead while it waits, and the key then redraws only the input, as any other.
    @Test(arguments: sizes)
    func theKeyThatWrapsTheInputToANewRowRedrawsOnlyTheInput(size: TerminalSize) {
        var driver = Self.meeting(notes: 12, section: 1, rows: 0)
        var screen = IncrementalScreen()
        var previous = screen.render(driver.model, size: size)
        let text = String(repeating: "Reels beat static posts on engagement, and stories drove clicks. ", count: 10)
        var heights: Set<Int> = []
        for (index, character) in text.enumerated() {
            driver.send(.key(.character(character)))
            let frame = screen.render(driver.model, size: size)
            let same = frame == MeetingScreen.render(driver.model, size: size)
            #expect(same, "key \(index) at \(size.width)×\(size.height):\n\(frame.text)")
            if !same { return }
            // The wrapping key's frame is compared with the last on the rows that moved too.
            var unstamped = frame
            unstamped.lineage = nil
            #expect(frame.changedCells(since: previous) == unstamped.changedCells(since: previous), "key \(index)")
            previous = frame
            heights.insert(MeetingScreen.frame(driver.model, size: size).input?.area.height ?? 0)
            screen.prepareGrowth(driver.model, size: size)
        }
        // The input grew to its tallest, and no key drew its frame in full.
        #expect(heights == Set(1...NoteInput.maximumRows))
        #expect(screen.framesDrawnAhead == NoteInput.maximumRows - 1)
        #expect(screen.partialFrames == text.count)
    }

    @Test func typingANoteRedrawsOnlyTheInputAfterItsFirstKey() {
        var driver = Self.meeting(notes: 3, section: 0, rows: 0)
        var screen = IncrementalScreen()
        let size = TerminalSize(width: 100, height: 30)
        _ = screen.render(driver.model, size: size)
        let text = "Reels beat static posts on engagement"
        for character in text {
            driver.send(.key(.character(character)))
            _ = screen.render(driver.model, size: size)
        }
        // The first key fixes the note's section; every later one changes only the input.
        #expect(screen.partialFrames >= text.count - 1)
        let same = screen.render(driver.model, size: size) == MeetingScreen.render(driver.model, size: size)
        #expect(same)
    }

    @MainActor
    @Test func theLoopShowsWhatAFullRenderShowsWhileTyping() throws {
        let terminal = HeadlessTerminal(width: 100, height: 30)
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(), recorder: recorder, model: model)
        for word in ["Reels ", "beat ", "static ", "posts"] {
            terminal.type(text: word)
            let frame = loop.presentedFrame(on: terminal)
            #expect(frame.text.contains("› Reels"))
            let same = frame == MeetingScreen.render(loop.model, size: terminal.size)
            #expect(same, "after \(word): \(frame.text)")
        }
        terminal.type(.key(.enter))
        let saved = loop.presentedFrame(on: terminal)
        #expect(saved.text.contains("Reels beat static posts"))
        let same = saved == MeetingScreen.render(loop.model, size: terminal.size)
        #expect(same)
    }

    @Test(arguments: sizes)
    func aClockTurningOverRedrawsTheClocksAsAFullRenderDraws(size: TerminalSize) {
        var driver = Self.meeting(notes: 4, section: 3, rows: 0)
        var screen = IncrementalScreen()
        driver.model.now = 659_500
        _ = screen.render(driver.model, size: size)
        // A second turns over, then eleven minutes pass (the section runs over its ten).
        for now in [660_200, 661_000, 1_320_400] {
            driver.model.now = now
            driver.type("a")
            let frame = screen.render(driver.model, size: size)
            let same = frame == MeetingScreen.render(driver.model, size: size)
            #expect(same, "at \(now) ms, \(size.width)×\(size.height):\n\(frame.text)")
        }
        #expect(screen.clockFrames == 3)
        #expect(screen.partialFrames == 3, "no frame was drawn in full")
        let frame = screen.render(driver.model, size: size)
        #expect(frame.text.contains("OVER +"), "the overrun is on screen")
        #expect(frame.text.contains("Elapsed 22:00"), "the agenda's totals moved on too")
    }

    /// The loop draws a key's frame with the clocks as they were and the turned-over clocks
    /// in the frame right after it, so the key is never held up by the clocks.
    @Test func aKeysFrameMayLeaveTheClocksToTheFrameRightAfterIt() {
        var driver = Self.meeting(notes: 2, section: 0, rows: 0)
        var screen = IncrementalScreen()
        let size = TerminalSize(width: 80, height: 24)
        driver.model.now = 59_500
        _ = screen.render(driver.model, size: size)
        driver.model.now = 60_200
        driver.type("a")
        let keyFrame = screen.render(driver.model, size: size, clocksMayWait: true)
        var before = driver.model
        before.now = 59_500
        let same = keyFrame == MeetingScreen.render(before, size: size)
        #expect(same, "the key, with the clocks as they were:\n\(keyFrame.text)")
        #expect(screen.clocksAreDue(driver.model))
        let next = screen.render(driver.model, size: size)
        let fresh = next == MeetingScreen.render(driver.model, size: size)
        #expect(fresh, "then the clocks:\n\(next.text)")
        #expect(!screen.clocksAreDue(driver.model))
        #expect(screen.clockFrames == 1)
    }

    @Test func theProjectorViewIsAlwaysDrawnInFull() {
        var driver = Self.meeting(notes: 2, section: 0, rows: 0)
        driver.model.view = .projector
        var screen = IncrementalScreen()
        let size = TerminalSize(width: 100, height: 30)
        for character in "typed on the console" {
            driver.send(.key(.character(character)))
            let same = screen.render(driver.model, size: size) == MeetingScreen.render(driver.model, size: size)
            #expect(same)
        }
        #expect(screen.partialFrames == 0)
    }

    /// The backdrop lists what the screen draws from the model. A new stored field of
    /// `AppModel` fails here until it is put in `Backdrop` (drawn) or below (never drawn):
    /// a field drawn but left out would let a kept frame show something stale.
    @Test func everyFieldOfTheModelIsInTheBackdropOrNeverDrawn() {
        let inBackdrop: Set = ["meeting", "meetingVersion", "overlay", "view", "focus", "selectedNoteID", "viewedSection",
                               "editingNoteID", "rewritingLearning", "noteSection", "promptsToggled", "selectedRecordID",
                               "selectedColumn", "chosenContentMetric", "rankingMetric", "showsPatterns", "message", "storageProblem", "savingToDisk", "clockZero",
                               "sinceLastTime"]
        let notDrawn: [String: String] = [
            "editor": "the input itself, redrawn on every frame",
            "now": "the clocks: drawn again into the kept frame at each turnover (ClockSlots)",
            "wallTime": "only times the picker's pause",
            "info": "constant for a meeting", "startDate": "constant for a meeting", "today": "constant for a meeting",
            "patternMemo": "a cache of the meeting's records", "tableRowMemo": "a cache of the meeting's records",
            "formFromTable": "where saving a form returns to", "waitingPicker": "drawn only once open, as an overlay",
            "jumpAfterSaving": "where the checklist jumps next", "carriedAtStart": "drawn only with sinceLastTime",
            "history": "recalled into the editor", "historyIndex": "recalled into the editor",
            "removedNoteIDs": "what undo restores", "removedRecordIDs": "what undo restores",
            "tableFrameMemo": "a cache of the meeting's records and notes",
            "joinedAs": "constant for a terminal (drawn only in the Ctrl-C dialog, an overlay)",
            "timeCues": "the flash shows only on the projector, which is always drawn in full",
        ]
        let fields = Set(Mirror(reflecting: ScreenFixtures.model(events: [], now: 0)).children.compactMap(\.label))
        #expect(fields.subtracting(inBackdrop).subtracting(notDrawn.keys).isEmpty,
                "new fields: decide whether IncrementalScreen's Backdrop must compare them")
        #expect(inBackdrop.union(notDrawn.keys).subtracting(fields).isEmpty, "fields listed here that are gone")
    }
}
