import DebriefKit
import Foundation

/// Session files for the cross-session tests, written as `debrief run` writes them.
enum HistoryFixtures {
    struct Problem {
        var text: String
        var cause: String? = "process"
        var severity: String? = "critical"
        /// The action that answers it, with its owner.
        var action: (text: String, owner: String)?
    }

    /// Writes `<name>.debrief.jsonl` (and its brief) in `folder`; ids: problems first, then
    /// wins, then actions, in order.
    @discardableResult
    static func session(_ name: String, in folder: URL, client: String?, started: String, problems: [Problem],
                        wins: [String] = []) throws -> URL {
        let agenda = Fixtures.small
        var events = [Event(t: 0, .sectionStarted(section: "b"))]
        var id = 0
        var problemIDs: [Int] = []
        for problem in problems {
            id += 1
            problemIDs.append(id)
            events.append(Event(t: id, .noteAdded(id: id, section: "b", content: NoteContent(kind: .problem, text: problem.text))))
            events.append(Event(t: id, .noteTagged(id: id, rootCause: problem.cause, severity: problem.severity)))
        }
        for win in wins {
            id += 1
            events.append(Event(t: id, .noteAdded(id: id, section: "b", content: NoteContent(kind: .win, text: win))))
        }
        for (index, problem) in problems.enumerated() {
            guard let action = problem.action else { continue }
            id += 1
            let content = NoteContent(kind: .action, text: action.text, owner: action.owner, due: "2026-12-01")
            events.append(Event(t: id, .noteAdded(id: id, section: "c", content: content)))
            events.append(Event(t: id, .noteLinked(id: id, problem: problemIDs[index])))
        }
        events.append(Event(t: id + 1, .meetingEnded))
        let header = SessionHeader(agenda: agenda, meeting: MeetingInfo(title: "PM \(name)", client: client, startedAt: started))
        let store = SessionStore(folder: folder)
        return try store.finish(base: name, header: header, events: events, journal: nil).session
    }
}
