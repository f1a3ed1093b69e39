import DebriefKit
@testable import DebriefTUI
import Foundation
import Testing

/// A signal that arrives with input already read: the input is handled first, then the
/// loop stops (issue 11, failure 7: a paste cut short by SIGHUP used to be dropped).
@MainActor
@Suite("The app loop stops on a signal only after what it read")
struct SignalOrderTests {
    @Test func aPasteReadWhenTheSignalCameIsJournalledAsTheDraft() throws {
        let (recorder, model) = try ScreenFixtures.newMeeting()
        let terminal = HeadlessTerminal()
        let loop = MeetingLoop(terminal: terminal, clock: TestClock(), recorder: recorder, model: model)
        terminal.type(.paste("the first half of a long pas"))
        // The signal is already pending when the paste is read.
        #expect(loop.run { true } == .interrupted)
        let journalled = try SessionReader.read(recorder.journalURL).events
        #expect(journalled.last?.change == .draftChanged(text: "the first half of a long pas", section: ScreenFixtures.agenda.sections[0].id))
    }

    @Test func theAppDoesNotActOnAnUnknownSequenceButSaysSo() {
        var model = AppModel(meeting: MeetingState(agenda: ScreenFixtures.agenda), info: ScreenFixtures.info)
        #expect(model.handle(.unknownSequence("ESC [ 9 9 ~")).isEmpty)
        #expect(model.message == "Unknown key ESC [ 9 9 ~ ignored")
        #expect(model.editor.text.isEmpty)
        #expect(model.handle(.heldAfterPaste(.function(10))).isEmpty)
        #expect(model.overlay == nil)
        #expect(model.message?.contains("press it again") ?? false)
    }
}
