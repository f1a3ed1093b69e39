import DebriefKit

/// "Since last time": before the first section, the open actions of the client's earlier
/// meetings, each marked with one key. Per terminal, and never in the way: the meeting's
/// clock runs as always, its keys (F1, F2, F10…) still work, and PgDn, Enter or Esc goes
/// on to the meeting at any time.
public struct SinceLastTimeStep: Equatable, Sendable {
    /// Index into the meeting's carried actions.
    public var selected = 0
    /// Session files that could not be read while looking for open actions.
    public var skippedFiles: [String] = []

    public init(skippedFiles: [String] = []) {
        self.skippedFiles = skippedFiles
    }
}

extension AppModel {
    /// Meeting keys that keep working while the step is on screen.
    static let keysDuringSinceLastTime: Set<Command> = [.showHelp, .togglePause, .extendSection, .endMeeting, .interrupt, .switchView]

    /// Sets up the step for a new meeting: the actions are recorded when the meeting
    /// starts, and the step opens if there are any.
    public mutating func carryForward(_ open: OpenActions) {
        carriedAtStart = open.actions
        if !open.actions.isEmpty {
            sinceLastTime = SinceLastTimeStep(skippedFiles: open.skipped)
        } else if !open.skipped.isEmpty {
            message = "Earlier sessions skipped: " + open.skipped.joined(separator: "; ")
        }
    }

    /// The step's keys; nil lets a meeting key through (F1, F2, F10…).
    mutating func handleSinceLastTime(_ key: Key) -> [AppEffect]? {
        let actions = meeting.carriedActions
        guard var step = sinceLastTime else { return nil }
        switch KeyMap.boxCommand(for: key, in: .sinceLastTime) {
        case .selectPrevious?: step.selected = max(0, step.selected - 1)
        case .selectNext?: step.selected = min(max(0, actions.count - 1), step.selected + 1)
        case .markFollowUp(let status)?:
            guard actions.indices.contains(step.selected) else { return [] }
            let key = actions[step.selected].key
            step.selected = min(actions.count - 1, step.selected + 1)
            sinceLastTime = step
            return [.record(.actionFollowedUp(action: key, status: status))]
        case .leaveSinceLastTime?:
            sinceLastTime = nil
            return []
        default:
            if let command = KeyMap.boxCommand(for: key, in: .meeting), Self.keysDuringSinceLastTime.contains(command) {
                return nil
            }
            if case .character = key { message = "d, n or x marks the selected action; PgDn goes on to the meeting" }
            return []
        }
        sinceLastTime = step
        return []
    }
}
