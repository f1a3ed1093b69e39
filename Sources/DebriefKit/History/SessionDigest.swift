#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// What the cross-session commands need from one session file, small enough that ten
/// thousand of them load in a blink from the index (`HistoryIndex`).
public struct SessionDigest: Codable, Equatable, Sendable {
    /// The session's name: its file name without `.debrief.jsonl`.
    public var name: String
    public var title: String
    public var client: String?
    public var campaign: String?
    /// ISO 8601 with offset, as the header stores it.
    public var startedAt: String
    public var items: [Item]
    /// Why the file was only partly read (damaged lines, lines of a newer Debrief), said
    /// beside every report that uses it; nil when read whole.
    public var caveat: String?

    public struct Item: Codable, Equatable, Sendable {
        public var id: Int
        public var kind: NoteKind
        public var text: String
        /// The section's title, as the agenda named it in that meeting.
        public var section: String
        public var rootCause: String?
        public var severity: String?
        public var owner: String?
        public var due: String?
        /// For actions: the problem it answers.
        public var problem: Int?
        /// Marked as a learning for the client's log (nil: not marked, or not known to this build).
        public var learning: Bool?

        public init(id: Int, kind: NoteKind, text: String, section: String, rootCause: String? = nil,
                    severity: String? = nil, owner: String? = nil, due: String? = nil, problem: Int? = nil,
                    learning: Bool? = nil) {
            self.id = id
            self.kind = kind
            self.text = text
            self.section = section
            self.rootCause = rootCause
            self.severity = severity
            self.owner = owner
            self.due = due
            self.problem = problem
            self.learning = learning
        }
    }

    public init(name: String, title: String, client: String?, campaign: String?, startedAt: String, items: [Item]) {
        self.name = name
        self.title = title
        self.client = client
        self.campaign = campaign
        self.startedAt = startedAt
        self.items = items
    }

    /// The digest of a session read from disk: its final state, folded from its events (the
    /// summary line is a copy of it, and the events are what a reader must trust).
    public init(name: String, record: SessionRecord) {
        let state = record.state
        let meeting = record.header.meeting
        let titles = state.agenda.sections.map(\.title)
        let items = state.visibleNotes.map { note in
            // A learning rewritten for the log goes in the log's words.
            Item(id: note.id, kind: note.kind, text: note.isLearning ? note.learningText ?? note.text : note.text,
                 section: titles.indices.contains(note.section) ? titles[note.section] : "",
                 rootCause: note.kind == .problem ? note.rootCause : nil,
                 severity: note.kind == .problem ? note.severity : nil,
                 owner: note.kind == .action ? note.content.owner : nil,
                 due: note.kind == .action ? note.content.due : nil,
                 problem: note.kind == .action ? note.problem : nil, learning: note.isLearning ? true : nil)
        }
        self.init(name: name, title: meeting.title, client: meeting.client, campaign: meeting.campaign,
                  startedAt: meeting.startedAt, items: items)
        var caveats: [String] = []
        if !record.skippedLines.isEmpty { caveats.append("\(record.skippedLines.count) damaged line(s) skipped") }
        if !record.foreignLines.isEmpty {
            caveats.append("\(record.foreignLines.count) line(s) from a newer Debrief not shown")
        }
        caveat = caveats.isEmpty ? nil : caveats.joined(separator: ", ")
    }

    /// The digest of a session file. A finished session's last line is its summary (the
    /// fold of its events, written with them): read from the header and that line alone, as
    /// `debrief sessions` does, which is most of the time of indexing thousands of files.
    /// Anything else (a split summary, a journal) is read in full.
    public static func read(_ url: URL) throws(SessionReadError) -> SessionDigest {
        let name = SessionCatalog.name(of: url)
        if let digest = quick(url, name: name) { return digest }
        return SessionDigest(name: name, record: try SessionReader.read(url))
    }

    /// The header's meeting and the summary line; nil when the file is anything but a whole
    /// finished session of this version (then the full reader says what is wrong). The
    /// agenda in the header is not decoded: nothing here computes with it.
    private static func quick(_ url: URL, name: String) -> SessionDigest? {
        guard let data = try? Data(contentsOf: url), data.count <= Limits.sessionFileBytes, !data.isEmpty else { return nil }
        // Offsets of the first newline and of the last line, found with memchr and a walk back from the end:
        // Data's own byte-by-byte search dominated indexing a large folder.
        let (newline, lastStart, end): (Int, Int, Int) = data.withUnsafeBytes { raw in
            let base = raw.baseAddress!
            guard let first = memchr(base, 0x0A, raw.count) else { return (-1, -1, -1) }
            let newline = base.distance(to: UnsafeRawPointer(first))
            var end = raw.count
            while end > newline + 1, raw[end - 1] == 0x0A { end -= 1 }
            guard end > newline + 1 else { return (-1, -1, -1) }
            var last = end - 1
            while last > newline, raw[last] != 0x0A { last -= 1 }  // the summary line is short
            return (newline, last + 1, end)
        }
        guard newline > 0, lastStart > newline, end - lastStart <= Limits.lineBytes else { return nil }
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(MeetingHeader.self, from: data[data.startIndex..<(data.startIndex + newline)]),
              header.type == "header", header.format == SessionHeader.formatName,
              header.version == SessionHeader.currentVersion,
              let summary = try? decoder.decode(SessionSummary.self, from: data[(data.startIndex + lastStart)..<(data.startIndex + end)]),
              summary.type == "summary", summary.parts == nil, summary.endedAt != nil else { return nil }
        let items = summary.sections.flatMap { section in
            section.items.map {
                Item(id: $0.id, kind: $0.kind, text: $0.learningText ?? $0.text, section: section.title, rootCause: $0.rootCause,
                     severity: $0.severity, owner: $0.owner, due: $0.due, problem: $0.problem, learning: $0.learning)
            }
        }
        let meeting = header.meeting
        return SessionDigest(name: name, title: meeting.title, client: meeting.client, campaign: meeting.campaign,
                             startedAt: meeting.startedAt, items: items)
    }

    private struct MeetingHeader: Decodable {
        var type: String
        var format: String
        var version: Int
        var meeting: MeetingInfo
    }

    /// An action's id on every machine: the session's name and the note's id.
    public func actionID(_ item: Item) -> String { Self.actionID(session: name, id: item.id) }

    static func actionID(session: String, id: Int) -> String { "\(session)#\(id)" }

    public var actions: [Item] { items.filter { $0.kind == .action } }
    public var problems: [Item] { items.filter { $0.kind == .problem } }

    public func item(id: Int) -> Item? { items.first { $0.id == id } }

    /// The day the meeting started, as stored (yyyy-MM-dd).
    public var day: String { String(startedAt.prefix(10)) }
}
