@testable import DebriefKit
import Foundation
import Testing

/// "Since last time": a client's open actions found across its earlier session files,
/// unreadable files named, and the follow-up events folded into the new meeting.
@Suite("Carry-forward: open actions of a client's earlier meetings")
struct CarryForwardTests {
    static func action(_ id: Int, _ text: String, owner: String? = nil, due: String? = nil) -> Change {
        .noteAdded(id: id, section: "c", content: NoteContent(kind: .action, text: text, owner: owner, due: due))
    }

    /// A finished session file for `client`, started at `startedAt`, with these changes.
    @discardableResult
    static func write(_ base: String, client: String?, startedAt: String, in folder: URL, _ changes: [Change]) throws -> URL {
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "Post-mortem", client: client,
                                                                               startedAt: startedAt))
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("c")
        for change in changes { script.record(change) }
        script.wait(minutes: 1)
        script.record(.meetingEnded)
        let url = folder.appending(path: base + SessionStore.sessionSuffix)
        try SessionCoding.sessionFile(header: header, events: script.events).write(to: url)
        return url
    }

    @Test func aClientsOpenActionsAreFoundAcrossItsSessionsWhateverTheCaseAndAccents() throws {
        let folder = Fixtures.temporaryFolder()
        try Self.write("march", client: "Lumière Skincare", startedAt: "2026-03-10T10:00:00Z", in: folder, [
            Self.action(1, "Send creators the checklist", owner: "sam", due: "2026-03-20"),
            Self.action(2, "Book the pixel audit", owner: "li"),
            Self.action(3, "Removed later"), .noteRemoved(id: 3),
            .noteAdded(id: 4, section: "c", content: NoteContent(kind: .problem, text: "Not an action")),
        ])
        let done = ActionKey(session: "march", id: 1), notDone = ActionKey(session: "march", id: 2)
        try Self.write("june", client: "  lumiere   SKINCARE ", startedAt: "2026-06-10T10:00:00Z", in: folder, [
            .actionCarried(CarriedAction(key: done, text: "Send creators the checklist")),
            .actionCarried(CarriedAction(key: notDone, text: "Book the pixel audit")),
            .actionFollowedUp(action: done, status: .done),
            .actionFollowedUp(action: notDone, status: .notDone),
            Self.action(1, "Brief template v2", owner: "ana", due: "2026-07-01"),
        ])
        try Self.write("other", client: "Acme", startedAt: "2026-05-01T10:00:00Z", in: folder, [Self.action(1, "Acme's own")])

        let open = OpenActions.find(client: "LUMIERE skincare", in: folder)
        #expect(open.actions.map(\.key) == [notDone, ActionKey(session: "june", id: 1)],
                "done and removed ones are gone; the one not done is carried again; other clients are not listed")
        #expect(open.actions[0].owner == "li" && open.actions[0].startedAt == "2026-03-10T10:00:00Z")
        #expect(open.actions[1].text == "Brief template v2" && open.actions[1].due == "2026-07-01")
        #expect(open.skipped.isEmpty)
        #expect(OpenActions.find(client: "Lumen", in: folder).actions.isEmpty, "a different client shares nothing")
    }

    @Test func aLaterMeetingsDroppedOrDoneClosesAnActionAndTheLedgerCountsBetweenMeetings() throws {
        let folder = Fixtures.temporaryFolder()
        try Self.write("first", client: "Acme", startedAt: "2026-01-01T10:00:00Z", in: folder,
                       [Self.action(1, "One"), Self.action(2, "Two"), Self.action(3, "Three")])
        let key = { ActionKey(session: "first", id: $0) }
        try Self.write("second", client: "acme", startedAt: "2026-02-01T10:00:00Z", in: folder, [
            .actionCarried(CarriedAction(key: key(1), text: "One")), .actionCarried(CarriedAction(key: key(2), text: "Two")),
            .actionFollowedUp(action: key(1), status: .dropped), .actionFollowedUp(action: key(2), status: .notDone),
        ])
        let ledger = #"{"action":"first#3","at":"2026-01-15T10:00:00.000Z","id":"a-1","status":"done"}"# + "\n"
            + "{\"action\":\"first#2\",\"at\":\"2026-01-16T10:00:00.000Z\",\"sta"
        try Data(ledger.utf8).write(to: folder.appending(path: LedgerStatuses.fileName))
        #expect(OpenActions.find(client: "ACME", in: folder).actions.map(\.key) == [key(2)],
                "dropped in a meeting, done in the ledger; a torn ledger line changes nothing")
    }

    @Test func damagedForeignAndNewerFilesAreSkippedWithTheirNames() throws {
        let folder = Fixtures.temporaryFolder()
        try Self.write("good", client: "Acme", startedAt: "2026-01-01T10:00:00Z", in: folder, [Self.action(1, "Kept")])
        try Data("not json at all\n".utf8).write(to: folder.appending(path: "damaged.debrief.jsonl"))
        try Data(#"{"type":"header","format":"someone-else","version":1}"#.utf8).write(to: folder.appending(path: "foreign.debrief.jsonl"))
        let good = try String(contentsOf: folder.appending(path: "good.debrief.jsonl"), encoding: .utf8)
        try Data(good.replacingOccurrences(of: #""version":1"#, with: #""version":99"#).utf8)
            .write(to: folder.appending(path: "newer.debrief.jsonl"))
        let open = OpenActions.find(client: "Acme", in: folder)
        #expect(open.actions.map(\.text) == ["Kept"])
        #expect(open.skipped.count == 3)
        #expect(open.skipped[0].hasPrefix("damaged.debrief.jsonl: not a Debrief session"))
        #expect(open.skipped[1].hasPrefix("foreign.debrief.jsonl: not a Debrief session"))
        #expect(open.skipped[2].hasPrefix("newer.debrief.jsonl: session format version 99"))
    }

    @Test func followUpsFoldIntoTheMeetingAndTheBriefReportsFollowThrough() throws {
        let a = ActionKey(session: "march", id: 1), b = ActionKey(session: "march", id: 2), c = ActionKey(session: "may", id: 5)
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.record(.actionCarried(CarriedAction(key: a, text: "Checklist", owner: "sam", startedAt: "2026-03-10T10:00:00Z")))
        script.record(.actionCarried(CarriedAction(key: b, text: "Pixel audit", due: "2026-04-01", startedAt: "2026-03-10T10:00:00Z")))
        script.record(.actionCarried(CarriedAction(key: a, text: "A second copy is ignored")))
        script.record(.actionCarried(CarriedAction(key: c, text: "Brief v2", startedAt: "2026-05-02T10:00:00Z")))
        script.record(.actionFollowedUp(action: a, status: .notDone))
        script.record(.actionFollowedUp(action: a, status: .done))  // the last word counts
        script.record(.actionFollowedUp(action: b, status: .notDone))
        script.record(.actionFollowedUp(action: ActionKey(session: "nowhere", id: 9), status: .done))
        let state = script.state
        #expect(state.carriedActions.map(\.text) == ["Checklist", "Pixel audit", "Brief v2"])
        #expect(state.followUps == [a: .done, b: .notDone], "a follow-up of an action not carried changes nothing")

        let entries = FollowThrough.of(state)
        #expect(entries.map { $0.sentence(in: TimeZone(identifier: "UTC")!) } == [
            "1 of 2 actions from the 10 Mar 2026 meeting done; 1 not done, carried again",
            "0 of 1 actions from the 2 May 2026 meeting done; 1 not reviewed, still open",
        ])
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "T", startedAt: "2026-06-01T10:00:00Z"))
        let brief = BriefWriter.markdown(header: header, state: state, timeZone: TimeZone(identifier: "UTC")!)
        #expect(brief.contains("## Since last time\n\n- 1 of 2 actions from the 10 Mar 2026 meeting done"))
        #expect(brief.contains("- Pixel audit, due 2026-04-01\n- Brief v2\n"), "what stays open is listed")
        #expect(!BriefWriter.markdown(header: header, state: MeetingState(agenda: Fixtures.small)).contains("Since last time"))
    }

    @Test func clientNamesMatchAcrossCaseAccentsAndSpacing() {
        #expect(ClientMatch.isSame("Lumière Skincare", "lumiere  skincare"))
        #expect(ClientMatch.isSame("Lumie\u{0300}re", "LUMIÈRE"))
        #expect(!ClientMatch.isSame("Lumen", "Lumen Skincare"))
        #expect(!ClientMatch.isSame("", " "), "no name matches no name")
    }
}
