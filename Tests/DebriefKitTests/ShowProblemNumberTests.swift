import DebriefKit
import Testing

/// `show` numbers problems as the meeting did (1, 2, 3…), never by note id: a note, then
/// a problem, then an action for it read "(#2…)" and "for problem #2" in a real run.
@Suite("show: problems by their number in the meeting")
struct ShowProblemNumberTests {
    @Test func aProblemAndTheActionAnsweringItUseTheProblemsNumber() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.record(.noteAdded(id: 1, section: "a", content: NoteContent(text: "Reach 1.2M")))
        script.record(.noteAdded(id: 2, section: "b", content: NoteContent(kind: .problem, text: "Posts went out late")))
        script.record(.noteAdded(id: 3, section: "c", content: NoteContent(kind: .action, text: "Fix links", owner: "sam")))
        script.record(.noteLinked(id: 3, problem: 2))
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "M", startedAt: "2026-11-23T14:00:00Z"))
        let text = SessionText.render(header: header, state: script.state)
        #expect(text.contains("Posts went out late  (#1, root cause: untagged"))
        #expect(text.contains("for problem #1)"))
        #expect(!text.contains("#2"))
    }
}
