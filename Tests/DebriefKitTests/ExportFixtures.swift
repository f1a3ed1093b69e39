import DebriefKit
import Foundation

/// A fixed post-mortem with every kind of item, tags, links, visibility marks, an edit
/// and a removal: the session every export's golden file is made from.
enum ExportFixtures {
    static let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(
        title: "Spring launch post-mortem", client: "Acme", campaign: "Spring", facilitator: "Dana",
        noteTaker: "Lee", startedAt: "2026-11-23T14:00:00Z"))

    static var events: [Event] {
        var s = MeetingScript(agenda: Fixtures.influencer)
        func add(_ id: Int, _ section: String, _ kind: NoteKind, _ text: String, owner: String? = nil, due: String? = nil) {
            s.record(.noteAdded(id: id, section: section, content: NoteContent(kind: kind, text: text, owner: owner, due: due)))
        }
        s.start("performance")
        s.wait(minutes: 2)
        add(1, "performance", .note, "Reach 1.2M against a 1M target")
        s.record(.noteVisibility(id: 1, clientVisible: true))
        s.wait(minutes: 1)
        add(2, "performance", .note, "CPE 0.42 EUR, budget 95% spent")
        s.wait(minutes: 8)
        s.start("wrong")
        s.wait(minutes: 3)
        add(3, "wrong", .problem, "Brief lacked the target audience")
        s.record(.noteTagged(id: 3, rootCause: "process", severity: "critical"))
        s.wait(minutes: 2)
        add(4, "wrong", .problem, "Approvals took 6 days, posts slipped to a weekend")
        s.record(.noteTagged(id: 4, rootCause: "client-side", severity: "significant"))
        add(5, "wrong", .problem, "Tracking links missing on day one")
        s.record(.noteEdited(id: 5, content: NoteContent(kind: .problem, text: "Tracking links were not ready on day one")))
        s.record(.noteTagged(id: 5, rootCause: "tools", severity: nil))
        add(6, "wrong", .problem, "Creator Z was late | twice")
        s.record(.noteTagged(id: 6, rootCause: "process", severity: "minor"))
        add(7, "wrong", .question, "Did the client see the draft calendar?")
        add(8, "wrong", .note, "Maria thinks the brief template is the root of it -> fix the template first\n(Sam ran these numbers)")
        add(9, "wrong", .problem, "Duplicate of 3")
        s.record(.noteRemoved(id: 9))
        s.wait(minutes: 15)
        s.start("worked")
        add(10, "worked", .win, "Micro creators beat macro on engagement (4.1% vs 1.9%)")
        add(11, "worked", .win, "Internal: Sam's spreadsheet saved a day")
        s.record(.noteVisibility(id: 11, clientVisible: false))
        s.wait(minutes: 9)
        s.start("actions")
        add(12, "actions", .action, "Brief checklist before every creator brief", owner: "Maria", due: "2026-12-01")
        s.record(.noteLinked(id: 12, problem: 3))
        add(13, "actions", .action, "Agree a 48-hour approval window in the contract", owner: "Tom", due: "2027-01-15")
        s.record(.noteLinked(id: 13, problem: 4))
        add(14, "actions", .action, "=HYPERLINK(\"http://x\") test links on day zero", owner: nil, due: nil)
        s.record(.noteLinked(id: 14, problem: 5))
        // Learnings for the client's log: a problem rewritten forward, a win, an action,
        // a client-side problem left as typed (never sent raw) and a note naming people.
        s.record(.noteLearning(id: 3, learning: true))
        s.record(.learningRewritten(id: 3, text: "Creators aim better when the brief names the target audience"))
        s.record(.noteLearning(id: 13, learning: true))
        s.record(.noteLearning(id: 4, learning: true))
        s.record(.noteLearning(id: 8, learning: true))
        s.record(.noteVisibility(id: 12, clientVisible: true))
        add(15, "actions", .action, "Improve pixel QA")
        add(16, "actions", .win, "Story links drove 60% of clicks: lead with stories next time")
        s.record(.noteLearning(id: 16, learning: true))
        s.record(.noteVisibility(id: 15, clientVisible: true))
        s.wait(minutes: 7)
        s.record(.meetingEnded)
        return s.events
    }

    /// The golden files show the start in local time: one fixed zone, whatever the machine's.
    static let zone = TimeZone(identifier: "Europe/Paris")!

    static var state: MeetingState { MeetingState.fold(agenda: header.agenda, events: events) }
    static let session = "2026-11-23-acme-spring"
}

/// Golden files live outside the test targets (Tests/Golden) so SwiftPM does not treat them
/// as resources. `DEBRIEF_UPDATE_GOLDEN=1 swift test` rewrites them; review the diff.
enum Golden {
    static let folder = Fixtures.repository.appending(path: "Tests/Golden")

    static func expected(_ name: String, actual: String) throws -> String {
        let url = folder.appending(path: name)
        if ProcessInfo.processInfo.environment["DEBRIEF_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        return String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}
