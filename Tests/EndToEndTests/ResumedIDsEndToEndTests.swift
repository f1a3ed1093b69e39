import DebriefKit
import Foundation
import Testing

/// Issue 11, failure 6, in the real binary: a journal whose notes were added with ids
/// 1, 3, 2 is resumed and a note typed; it must be saved and shown, not silently dropped.
@Suite("End to end: a note typed after resuming ids out of order", .serialized)
struct ResumedIDsEndToEndTests {
    @Test func theNoteIsShownAndInTheSessionFile() throws {
        let folder = Debrief.freshFolder()
        let header = SessionHeader(agenda: try BuiltinAgendas.defaultAgenda(),
                                   meeting: MeetingInfo(title: "Ids out of order", startedAt: "2026-11-23T14:00:00Z"))
        let recorder = try MeetingRecorder.start(header: header, store: SessionStore(folder: folder.appending(path: "sessions")), date: Date())
        recorder.record(Event(t: 0, .sectionStarted(section: "wrong")))
        for id in [1, 3, 2] {
            recorder.record(Event(t: id * 1000, .noteAdded(id: id, section: "wrong", content: NoteContent(text: "journalled note \(id)"))))
        }
        recorder.leave()

        let tmux = try Tmux(Debrief.command("resume '\(recorder.baseName)'", sessions: folder))
        try tmux.waitFor("journalled note 2")
        try tmux.type("typed after resume")
        try tmux.press("Enter")
        try tmux.waitUntil("the typed note is listed") { $0.contains("note    typed after resume") }
        try tmux.press("F10")
        try tmux.waitFor("End the meeting now?")
        try tmux.press("Enter")
        #expect(try tmux.waitForExit().code == 0)
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        #expect(try SessionReader.read(session).state.visibleNotes.map(\.text)
            == ["journalled note 1", "journalled note 3", "journalled note 2", "typed after resume"])
    }
}
