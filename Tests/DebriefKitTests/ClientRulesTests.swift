@testable import DebriefKit
import Foundation
import Testing

/// The client version's rules, one case each, as a user tried them: client-side problems,
/// internal to-dos, vague actions and names in free text never go out.
@Suite("Client version: what goes out, what is held back")
struct ClientRulesTests {
    static let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(
        title: "Spring", client: "Lumen", facilitator: "Dana Ruiz", noteTaker: "Lee", startedAt: "2026-11-23T14:00:00Z"))

    static var script: MeetingScript {
        var s = MeetingScript(agenda: Fixtures.influencer)
        s.start("performance")
        s.note("Reach 1.2M against a 1.5M target: we missed it", in: "performance")           // 1 results
        s.start("wrong")
        s.record(.noteAdded(id: 2, section: "wrong", content: NoteContent(kind: .problem, text: "Client legal approval took 6 days")))
        s.record(.noteTagged(id: 2, rootCause: "client-side", severity: "critical"))
        s.record(.noteAdded(id: 3, section: "wrong", content: NoteContent(kind: .problem, text: "Tracking not ready")))
        s.record(.noteLearning(id: 3, learning: true))
        s.record(.learningRewritten(id: 3, text: "Tracking must be live a day before the first post"))
        s.start("worked")
        s.record(.noteAdded(id: 4, section: "worked", content: NoteContent(kind: .win, text: "Reels with a hook in the first second doubled saves")))
        s.record(.noteAdded(id: 5, section: "worked", content: NoteContent(kind: .win, text: "(Sam ran these reels) @lumen_glow led")))
        s.start("actions")
        s.record(.noteAdded(id: 6, section: "actions", content: NoteContent(kind: .action, text: "Send the client the final numbers deck", owner: "carol", due: "2026-12-01")))
        s.record(.noteAdded(id: 7, section: "actions", content: NoteContent(kind: .action, text: "Improve pixel QA", owner: "sam")))
        s.record(.noteVisibility(id: 7, clientVisible: true))
        s.record(.noteAdded(id: 8, section: "actions", content: NoteContent(kind: .action, text: "Book creators six weeks ahead, with @carol on contracts", owner: "tom", due: "2027-01-15")))
        s.record(.noteVisibility(id: 8, clientVisible: true))
        s.record(.noteAdded(id: 9, section: "actions", content: NoteContent(kind: .action, text: "Share a one-page brief template with every creator", due: "2027-02-01")))
        s.record(.noteVisibility(id: 9, clientVisible: true))
        s.record(.noteAdded(id: 10, section: "actions", content: NoteContent(kind: .note, text: "Dana's view: the budget was fine")))
        s.record(.noteVisibility(id: 10, clientVisible: true))
        s.record(.noteAdded(id: 11, section: "actions", content: NoteContent(kind: .note, text: "Lumen's audience skews older than Léé expected")))
        s.record(.noteVisibility(id: 11, clientVisible: true))
        return s
    }

    var output: String { ClientBriefWriter.markdown(header: Self.header, state: Self.script.state) }

    @Test func itHasThePlaybooksFourPartsInOrder() {
        let titles = output.split(separator: "\n").filter { $0.hasPrefix("## ") }
        #expect(titles == ["## Results", "## Top-performing content", "## What we learned", "## Recommendations for the next campaign"])
        #expect(output.contains("- Reach 1.2M against a 1.5M target: we missed it"), "the numbers section's notes are the results")
    }

    @Test func anEmptyPartIsLeftOutAndTheExporterIsToldWhatWouldFillIt() {
        var script = MeetingScript(agenda: Fixtures.influencer)
        script.start("worked")
        script.note("Reels with a hook doubled saves", kind: .win, in: "worked")
        let plan = ClientBriefWriter.plan(header: Self.header, state: script.state)
        let page = ClientBriefWriter.markdown(header: Self.header, state: script.state)
        #expect(page.split(separator: "\n").filter { $0.hasPrefix("## ") } == ["## Top-performing content"])
        #expect(!page.contains("No "), "no placeholder reaches the client")
        #expect(ClientBriefWriter.missing(plan) == [
            "no results: notes of the numbers section go out, or mark a note with v",
            "no learnings: mark 3–5 with * during the meeting",
            "no recommendations: mark specific actions for the client with v",
        ])
    }

    @Test func rawProblemsNeverGoOutAndARewrittenLearningDoes() {
        #expect(!output.contains("Client legal approval"))
        #expect(!output.contains("Tracking not ready"))
        #expect(output.contains("- Tracking must be live a day before the first post"))
        // Marked as a learning but never rewritten: a problem as typed stays in.
        var script = Self.script
        script.record(.noteLearning(id: 2, learning: true))
        script.record(.noteVisibility(id: 2, clientVisible: true))
        #expect(!ClientBriefWriter.markdown(header: Self.header, state: script.state).contains("Client legal approval"))
    }

    @Test func onlyActionsMarkedForTheClientAndNeverVagueOnes() {
        #expect(!output.contains("final numbers deck"), "an internal to-do is not a recommendation")
        #expect(!output.contains("Improve pixel QA"), "a flagged vague action never goes out, even marked")
        #expect(output.contains("- Share a one-page brief template with every creator (by 2027-02-01)"))
    }

    @Test func aLineNamingAPersonIsHeldBackWholeAndListed() {
        let plan = ClientBriefWriter.plan(header: Self.header, state: Self.script.state)
        let held = Dictionary(uniqueKeysWithValues: plan.namingPeople.map { ($0.noteID, $0.names) })
        #expect(held[5] == ["@lumen_glow", "sam"], "an @handle, and an owner named in passing")
        #expect(held[8] == ["@carol"], "a second @owner left in the text")
        #expect(held[10] == ["Dana Ruiz"], "the facilitator, by first name")
        #expect(held[11] == ["Lee"], "the note-taker, whatever the accents and case")
        for text in ["@lumen_glow", "@carol", "Dana", "Léé", "Book creators"] { #expect(!output.contains(text)) }
        #expect(output.contains("Reels with a hook"))
    }

    @Test func withOwnersNamesMayAppear() {
        let named = ClientBriefWriter.markdown(header: Self.header, state: Self.script.state, withOwners: true)
        #expect(named.contains("Book creators six weeks ahead, with @carol on contracts (owner: tom, by 2027-01-15)"))
        #expect(named.contains("Dana's view"))
    }

    @Test func aReviewDecisionLetsAHeldLineOutOrHoldsAnotherBack() {
        let decisions = ["top_content:5": true, "top_content:4": false]
        let reviewed = ClientBriefWriter.markdown(header: Self.header, state: Self.script.state, decisions: decisions)
        #expect(reviewed.contains("@lumen\\_glow led"))
        #expect(!reviewed.contains("Reels with a hook"))
    }

    @Test func theReviewSidecarIsAppendOnly0600AndTheLastDecisionWins() throws {
        let folder = Fixtures.temporaryFolder()
        let session = folder.appending(path: "2026-11-23-lumen.debrief.jsonl")
        try Data("unchanged".utf8).write(to: session)
        var log = ClientReviewLog(session: session)
        #expect(log.url.lastPathComponent == "2026-11-23-lumen.review.jsonl")
        try log.record(line: "learned:3", include: false)
        try log.record(line: "top_content:5", include: true)
        try log.record(line: "learned:3", include: true)
        let text = try String(contentsOf: log.url, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 3)
        #expect(text.contains("{\"at\":") && text.contains("\"include\":false,\"line\":\"learned:3\",\"type\":\"client_line\"}"))
        let mode = try FileManager.default.attributesOfItem(atPath: log.url.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A torn last line is skipped; what came before stands.
        let handle = try FileHandle(forWritingTo: log.url)
        handle.seekToEndOfFile()
        handle.write(Data("{\"type\":\"client_li".utf8))
        try handle.close()
        let again = ClientReviewLog(session: session)
        #expect(again.decisions == ["learned:3": true, "top_content:5": true])
        #expect(again.skipped == 1)
        #expect(try String(contentsOf: session, encoding: .utf8) == "unchanged", "the session file is never rewritten")
    }
}
