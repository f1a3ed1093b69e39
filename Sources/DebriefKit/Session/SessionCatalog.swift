#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The sessions folder as a list: finished sessions and journals of interrupted meetings,
/// newest first, each read once for the facts `debrief sessions` shows.
public enum SessionCatalog {
    public struct Entry: Sendable {
        public var url: URL
        public var isJournal: Bool
        /// Nil when the file could not be read as a session; then `problem` says why.
        public var header: SessionHeader?
        public var problem: String?
        public var durationMilliseconds = 0
        public var problems = 0
        public var actions = 0
        public var notes = 0
    }

    public static func entries(in folder: URL) -> [Entry] {
        let names = DirectoryListing.names(in: folder.path) ?? []
        let files = names.filter { $0.hasSuffix(SessionStore.sessionSuffix) || $0.hasSuffix(SessionStore.journalSuffix) }
        let entries = files.map { entry(for: folder.appending(path: $0)) }
        // ISO 8601 start times of one offset sort as text; the file name breaks ties.
        return entries.sorted {
            let (a, b) = ($0.header?.meeting.startedAt ?? "", $1.header?.meeting.startedAt ?? "")
            return a != b ? a > b : $0.url.lastPathComponent > $1.url.lastPathComponent
        }
    }

    public static func entry(for url: URL) -> Entry {
        var entry = Entry(url: url, isJournal: url.lastPathComponent.hasSuffix(SessionStore.journalSuffix))
        do {
            // A finished session says what it holds on its last line: no need to decode every
            // event, or even every field of the summary (most of the time of listing a folder).
            // A summary split over several lines (a very long meeting) is read in full instead.
            if !entry.isJournal {
                let (header, last) = try SessionReader.readHeaderAndLastLine(url)
                if let last, let summary = try? JSONDecoder().decode(SummaryCounts.self, from: last),
                   summary.type == "summary", summary.parts == nil, let end = summary.endedAt {
                    let kinds = summary.sections.flatMap { $0.items.map(\.kind) }
                    entry.header = header
                    entry.durationMilliseconds = end
                    entry.problems = kinds.count { $0 == .problem }
                    entry.actions = kinds.count { $0 == .action }
                    entry.notes = kinds.count
                    return entry
                }
            }
            let record = try SessionReader.read(url)
            let state = record.state
            let findings = Findings(state: state)
            entry.header = record.header
            entry.durationMilliseconds = state.endedAt ?? state.lastEventTime
            entry.problems = findings.problems.count
            entry.actions = findings.actions.count
            entry.notes = state.visibleNotes.count
        } catch {
            entry.problem = error.message
        }
        return entry
    }

    /// The part of a summary line a listing reads (see `SessionSummary`).
    private struct SummaryCounts: Decodable {
        struct Section: Decodable { var items: [Item] }
        struct Item: Decodable { var kind: NoteKind }
        var type: String
        var endedAt: Int?
        var parts: Int?
        var sections: [Section]
        enum CodingKeys: String, CodingKey {
            case type, sections, parts
            case endedAt = "ended_at"
        }
    }

    /// The file name without its suffix: how a session is named on the command line.
    public static func name(of url: URL) -> String {
        let file = url.lastPathComponent
        for suffix in [SessionStore.sessionSuffix, SessionStore.journalSuffix] where file.hasSuffix(suffix) {
            return String(file.dropLast(suffix.count))
        }
        return file
    }
}
