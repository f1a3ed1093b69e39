import DebriefKit
import Foundation
import Testing
import TestSupport

/// Learnings marked in a meeting reach the client version; a line naming a person is held
/// back and listed; `--review` lets it out, and the decision stays in the sidecar.
@Suite("End to end: learnings and the client version", .serialized)
struct ClientVersionEndToEndTests {
    @Test func learningsMarkedInTheMeetingAndANameHeldBackThenLetOutInReview() throws {
        let folder = Debrief.freshFolder()
        let meeting = try Tmux(Debrief.command("--time-scale 60 --client Lumen --campaign Spring --facilitator Dana", sessions: folder))
        try meeting.waitFor("● saved")
        try meeting.type("Reach 1.2M against a 1.5M target: a miss we own")
        try meeting.press("Enter")
        try meeting.waitFor("Reach 1.2M against a 1.5M target")
        for title in ["Creator breakdown", "Content analysis", "What went wrong"] {
            try meeting.press("NPage")
            try meeting.waitFor(title)
        }
        try meeting.type("* ! Client legal approval took 6 days")
        try meeting.press("Enter")
        try meeting.waitFor("Client legal approval took 6 days")
        try meeting.waitFor("Root cause")
        try meeting.press("Escape")
        try meeting.waitUntil("the tag picker closed") { !$0.contains("Root cause") }
        try meeting.press("NPage")
        try meeting.waitFor("5/6  What worked")
        try meeting.type("* + Stories drove 60% of clicks")
        try meeting.press("Enter")
        try meeting.waitFor("★ learning")
        try meeting.type("+ Dana's reels doubled saves")
        try meeting.press("Enter")
        try meeting.waitFor("Dana's reels doubled saves")
        try meeting.type("Micro creators beat macro on engagement")
        try meeting.press("Enter")
        try meeting.waitFor("Micro creators beat macro on engagement")
        try meeting.press("Tab")
        try meeting.type("*")
        try meeting.waitFor("Marked as a learning (3 in this meeting")
        try meeting.press("Escape")
        // Back to typing before the next key (an Esc followed at once by a key reads as Alt).
        try meeting.waitFor("F2 Pause")
        try meeting.press("F10")
        try meeting.waitFor("End the meeting now?")
        try meeting.press("Enter")
        #expect(try meeting.waitForExit().code == 0)

        let session = try #require(Debrief.files(in: folder, suffix: ".debrief.jsonl").first)
        let brief = try String(contentsOf: try #require(Debrief.files(in: folder, suffix: ".md").first), encoding: .utf8)
        #expect(brief.contains("## Learnings for the client's log\n\n- Client legal approval took 6 days\n- Stories drove 60% of clicks\n- Micro creators beat macro on engagement\n"))

        let output = folder.appending(path: "client.md")
        let export = try Subprocess.run([Debrief.binary, "export", session.path, "--format", "client", "-o", output.path])
        #expect(export.status == 0)
        #expect(export.output.contains("held back: 1 line names people; review with --review"))
        #expect(export.output.contains("Dana's reels doubled saves (names Dana)"))
        #expect(export.output.contains("left out: no top-performing content"), "its only win is held back")
        var client = try String(contentsOf: output, encoding: .utf8)
        #expect(client.contains("## Results\n\n- Reach 1.2M against a 1.5M target: a miss we own\n"))
        #expect(client.contains("## What we learned\n\n- Stories drove 60% of clicks\n- Micro creators beat macro on engagement\n"))
        #expect(!client.contains("Client legal approval"), "a client-side problem as typed never goes out")
        #expect(!client.contains("Dana"))

        // The review: every line, going out or held back; Space lets the held one out.
        let review = try Tmux(Debrief.command("export '\(session.path)' --format client --review", sessions: folder))
        try review.waitFor("✗ held  Dana's reels doubled saves  (names Dana)")
        try review.waitFor("✓ out   Stories drove 60% of clicks")
        try review.press("Down")
        try review.press("Space")
        try review.waitFor("✓ out   Dana's reels doubled saves")
        try review.press("q")
        let reviewed = try review.waitForExit()
        #expect(reviewed.code == 0)
        #expect(reviewed.screen.contains("- Dana's reels doubled saves"))

        let sidecar = session.deletingLastPathComponent().appending(path: SessionCatalog.name(of: session) + ".review.jsonl")
        #expect(Debrief.permissions(sidecar) == 0o600)
        #expect(try String(contentsOf: sidecar, encoding: .utf8).contains("\"include\":true,\"line\":\"top_content:"))
        let again = try Subprocess.run([Debrief.binary, "export", session.path, "--format", "client", "-o", output.path])
        #expect(!again.output.contains("held back"), "the decision stands for later exports")
        client = try String(contentsOf: output, encoding: .utf8)
        #expect(client.contains("## Top-performing content\n\n- Dana's reels doubled saves\n"))
    }
}
