import DebriefKit
import Foundation
import Testing

/// Two meetings for one client, as a team runs them: the first ends with an action for
/// Sam; the second opens on "Since last time" with it, marks it done, and the brief says so.
@Suite("End to end: open actions carried to the client's next meeting", .serialized)
struct SinceLastTimeEndToEndTests {
    @Test func theNextMeetingOpensWithTheLastOnesOpenActionAndTheBriefReportsItDone() throws {
        let folder = Debrief.freshFolder()
        let first = try Tmux(Debrief.command("--time-scale 60 --client 'Lumière Skincare' --campaign Spring", sessions: folder))
        try first.waitFor("1/6  Performance vs. goals")
        #expect(!(try first.screen()).contains("Since last time"), "nothing to carry before the first meeting")
        try first.type("> Send creators the tracking checklist @sam due 2026-12-15")
        try first.press("Enter")
        try first.waitFor("@sam · due 2026-12-15")
        try first.press("F10")
        try first.waitFor("End the meeting now?")
        try first.press("Enter")
        #expect(try first.waitForExit().code == 0)

        // Another spelling of the same client.
        let second = try Tmux(Debrief.command("--time-scale 60 --client 'LUMIERE skincare' --campaign Autumn", sessions: folder))
        try second.waitFor("Since last time · LUMIERE skincare · 1 open action from earlier meetings")
        try second.waitFor("Send creators the tracking checklist")
        try second.waitFor("@sam · due 2026-12-15 · from the")
        try second.type("d")
        try second.waitFor("✓ done")
        try second.press("NPage")
        try second.waitUntil("the step gave way to the first section") {
            !$0.contains("Since last time") && $0.contains("1/6  Performance vs. goals")
        }
        try second.press("F10")
        try second.waitFor("End the meeting now?")
        try second.press("Enter")
        #expect(try second.waitForExit().code == 0)

        let briefs = Debrief.files(in: folder, suffix: ".md").filter { $0.lastPathComponent.contains("autumn") }
        let brief = try String(contentsOf: try #require(briefs.first), encoding: .utf8)
        #expect(brief.contains(/## Since last time\n\n- 1 of 1 actions from the \d+ \w{3} \d{4} meeting done\n/))
        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first { $0.lastPathComponent.contains("autumn") })
        let state = try SessionReader.read(session).state
        #expect(state.carriedActions.map(\.text) == ["Send creators the tracking checklist"])
        #expect(Array(state.followUps.values) == [.done])
    }
}
