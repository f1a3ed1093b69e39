#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The last line of a session file: the meeting's final state, for tools that want the
/// result without folding events. Folding the file's events must give exactly this.
///
/// A summary that would not fit in one line (`Limits.lineBytes`, about 1 MB of note text)
/// is split over several lines at the end of the file, each numbered `part` of `parts`;
/// a section too long for one line continues in the next part under the same id.
/// `merged(_:)` puts them back together. A summary that fits is written as one line
/// without `part`/`parts`, exactly as before.
public struct SessionSummary: Codable, Equatable, Sendable {
    public var type = "summary"
    public var endedAt: Int?
    /// Whole seconds paused, in no section: the sections' `elapsed_seconds` and this add up
    /// to the duration's whole seconds. Absent in files written before it existed.
    public var pausedSeconds: Int?
    public var sections: [Section]
    /// 1-based number of this line among a split summary's lines; nil when not split.
    public var part: Int?
    public var parts: Int?

    public struct Section: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var plannedMinutes: Int
        public var extraMinutes: Int
        public var elapsedSeconds: Int
        public var items: [Item]

        enum CodingKeys: String, CodingKey {
            case id, title, items
            case plannedMinutes = "planned_minutes", extraMinutes = "extra_minutes"
            case elapsedSeconds = "elapsed_seconds"
        }
    }

    public struct Item: Codable, Equatable, Sendable {
        public var id: Int
        public var kind: NoteKind
        public var text: String
        public var t: Int
        public var rootCause: String?
        public var severity: String?
        public var owner: String?
        public var due: String?
        public var problem: Int?
        public var clientVisible: Bool?
        /// Present only on learnings: `learning` true, and `learning_text` when it was reworded.
        public var learning: Bool?
        public var learningText: String?

        enum CodingKeys: String, CodingKey {
            case id, kind, text, t, severity, owner, due, problem, learning
            case rootCause = "root_cause", clientVisible = "client_visible", learningText = "learning_text"
        }

        // Problems always carry both tags (null when untagged) and actions always carry
        // owner, due and problem, so readers can tell "untagged" from "not applicable".
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(text, forKey: .text)
            try c.encode(t, forKey: .t)
            if kind == .problem {
                try c.encode(rootCause, forKey: .rootCause)
                try c.encode(severity, forKey: .severity)
            }
            if kind == .action {
                try c.encode(owner, forKey: .owner)
                try c.encode(due, forKey: .due)
                try c.encode(problem, forKey: .problem)
            }
            try c.encodeIfPresent(clientVisible, forKey: .clientVisible)
            try c.encodeIfPresent(learning, forKey: .learning)
            try c.encodeIfPresent(learningText, forKey: .learningText)
        }
    }

    enum CodingKeys: String, CodingKey {
        case type, sections, part, parts
        case endedAt = "ended_at", pausedSeconds = "paused_seconds"
    }

    public init(state: MeetingState) {
        endedAt = state.endedAt
        let time = TimeAccount(state: state).seconds
        pausedSeconds = time.paused
        sections = state.agenda.sections.enumerated().map { index, section in
            Section(
                id: section.id, title: section.title, plannedMinutes: state.sections[index].plannedMinutes,
                extraMinutes: state.sections[index].extraMinutes,
                elapsedSeconds: time.sections[index],
                items: state.visibleNotes(inSection: index).map(Item.init(note:))
            )
        }
    }
}

extension SessionSummary.Item {
    init(note: Note) {
        let isProblem = note.kind == .problem, isAction = note.kind == .action
        self.init(id: note.id, kind: note.kind, text: note.text, t: note.t,
                  rootCause: isProblem ? note.rootCause : nil, severity: isProblem ? note.severity : nil,
                  owner: isAction ? note.content.owner : nil, due: isAction ? note.content.due : nil,
                  problem: isAction ? note.problem : nil, clientVisible: note.clientVisible,
                  learning: note.isLearning ? true : nil, learningText: note.isLearning ? note.learningText : nil)
    }
}

extension SessionSummary {
    /// The summary as session-file lines, each within `limit` bytes: one line when it fits,
    /// else as many parts as needed. Every section and every item fits in one line with
    /// room to spare (`Limits.noteBytes`, `Limits.agendaTextBytes`), so packing always works.
    public func encodedLines(limit: Int = Limits.lineBytes) -> Data {
        let whole = SessionCoding.line(self)
        guard whole.count > limit else { return whole }
        // `{"ended_at":…,"part":…,"parts":…,"sections":[],"type":"summary"}` and a newline.
        let envelope = 200
        // One encoder for every measurement (the same options as `SessionCoding.line`): a
        // 100,000-note summary is measured item by item.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Each size counts one byte more than the JSON: the comma that separates it.
        func size(_ value: some Encodable) -> Int { ((try? encoder.encode(value))?.count ?? 2) + 1 }
        var parts: [[Section]] = []
        var part: [Section] = []
        var used = envelope
        for section in sections {
            var slice = section
            slice.items = []
            let meta = size(slice)
            if used + meta > limit, !part.isEmpty {
                parts.append(part)
                part = []
                used = envelope
            }
            used += meta
            for item in section.items {
                let itemSize = size(item)
                if used + itemSize > limit, !(slice.items.isEmpty && part.isEmpty) {
                    part.append(slice)
                    parts.append(part)
                    part = []
                    slice.items = []
                    used = envelope + meta
                }
                slice.items.append(item)
                used += itemSize
            }
            part.append(slice)
        }
        if !part.isEmpty { parts.append(part) }
        var data = Data()
        for (index, sections) in parts.enumerated() {
            var line = self
            line.sections = sections
            line.part = index + 1
            line.parts = parts.count
            data.append(SessionCoding.line(line))
        }
        return data
    }

    /// The summary lines of a file, read back as one summary: the last line when it is a
    /// whole summary (files written before summaries were split have only that), else the
    /// parts put together. Nil when a part is missing: the events still tell everything.
    public static func merged(_ lines: [SessionSummary]) -> SessionSummary? {
        guard let last = lines.last else { return nil }
        guard let count = last.parts else { return last }
        let parts = lines.filter { $0.parts == count }.suffix(count)
        guard count > 0, parts.count == count, parts.enumerated().allSatisfy({ $0.offset + 1 == $0.element.part }) else {
            return nil
        }
        var result = last
        result.part = nil
        result.parts = nil
        result.sections = []
        for part in parts {
            for section in part.sections {
                if let previous = result.sections.last, previous.id == section.id {
                    result.sections[result.sections.count - 1].items += section.items
                } else {
                    result.sections.append(section)
                }
            }
        }
        return result
    }
}
