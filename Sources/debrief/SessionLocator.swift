import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds the session a command names: a path, or a name in the sessions folder (with or
/// without `.debrief.jsonl`; a journal of an interrupted meeting is found the same way).
enum SessionLocator {
    static func locate(_ reference: String, in store: SessionStore) throws -> URL {
        if FileManager.default.fileExists(atPath: reference) { return URL(fileURLWithPath: reference) }
        let candidates = [reference, reference + SessionStore.sessionSuffix, reference + SessionStore.journalSuffix]
        if !reference.contains("/") {
            for name in candidates {
                let url = store.folder.appending(path: name)
                if FileManager.default.fileExists(atPath: url.path) { return url }
            }
        }
        throw CommandError("no session '\(VisibleText.line(reference))' (not a file, and not in \(store.folder.path)); run 'debrief sessions' to list them")
    }

    /// Reads the session; says on stderr which lines were unreadable, and carries on.
    static func read(_ reference: String, in store: SessionStore) throws -> (url: URL, record: SessionRecord) {
        let url = try locate(reference, in: store)
        let record: SessionRecord
        do {
            record = try SessionReader.read(url)
        } catch {
            throw CommandError(PlainError.message(error))
        }
        if !record.skippedLines.isEmpty {
            let lines = record.skippedLines.prefix(10).map(String.init).joined(separator: ", ")
            warn("\(url.lastPathComponent): skipped \(record.skippedLines.count) unreadable line(s): \(lines)")
        }
        if !record.foreignLines.isEmpty {
            // Version skew is said, never silent: what a newer Debrief wrote is not shown here.
            warn("\(url.lastPathComponent): \(record.foreignLines.count) line(s) hold what a newer Debrief wrote, which this one does not show; update Debrief to see it")
        }
        return (url, record)
    }

    static func warn(_ message: String) {
        StandardStreams.error("warning: \(message)\n")
    }
}
