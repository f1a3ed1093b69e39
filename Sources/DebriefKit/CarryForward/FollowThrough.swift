#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// How a meeting followed up the open actions it carried from earlier meetings, per
/// earlier meeting: "1 of 2 actions from the 23 Nov 2026 meeting done".
public struct FollowThrough: Equatable, Sendable {
    public var session: String
    public var startedAt: String?
    public var total = 0
    public var done = 0
    public var notDone = 0
    public var dropped = 0
    public var unreviewed: Int { total - done - notDone - dropped }

    /// One entry per earlier meeting, in the order their actions were listed.
    public static func of(_ state: MeetingState) -> [FollowThrough] {
        var entries: [FollowThrough] = []
        for action in state.carriedActions {
            var index = entries.firstIndex { $0.session == action.key.session }
            if index == nil {
                entries.append(FollowThrough(session: action.key.session, startedAt: action.startedAt))
                index = entries.count - 1
            }
            entries[index!].total += 1
            switch state.followUps[action.key] {
            case .done: entries[index!].done += 1
            case .notDone: entries[index!].notDone += 1
            case .dropped: entries[index!].dropped += 1
            case nil: break
            }
        }
        return entries
    }

    /// "1 of 2 actions from the 23 Nov 2026 meeting done; 1 not done, carried again".
    public func sentence(in zone: TimeZone? = nil) -> String {
        var text = "\(done) of \(total) actions from the \(Self.meetingName(startedAt, in: zone)) done"
        if notDone > 0 { text += "; \(notDone) not done, carried again" }
        if dropped > 0 { text += "; \(dropped) dropped" }
        if unreviewed > 0 { text += "; \(unreviewed) not reviewed, still open" }
        return text
    }

    /// "23 Nov 2026 meeting", from a stored `started_at`; "earlier meeting" when unreadable.
    public static func meetingName(_ startedAt: String?, in zone: TimeZone?) -> String {
        guard let startedAt, let date = MeetingInfo(title: "", startedAt: startedAt).startDate else { return "earlier meeting" }
        let day = CalendarDay(date, in: zone)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(day.day) \(months[(day.month - 1) % 12]) \(day.year) meeting"
    }

    /// The brief's "Since last time" section; empty when nothing was carried.
    public static func markdown(_ state: MeetingState, timeZone: TimeZone?) -> String {
        let entries = of(state)
        guard !entries.isEmpty else { return "" }
        var out = "\n## Since last time\n\n"
        out += entries.map { "- \($0.sentence(in: timeZone))\n" }.joined()
        let open = state.carriedActions.filter { !(state.followUps[$0.key]?.closesAction ?? false) }
        if !open.isEmpty {
            out += "\nStill open, carried to the next meeting:\n\n"
            for action in open {
                var line = MarkdownText.inline(action.text)
                if let owner = action.owner { line += " — @\(MarkdownText.inline(owner))" }
                if let due = action.due { line += ", due \(MarkdownText.inline(due))" }
                out += "- \(line)\n"
            }
        }
        return out
    }
}
