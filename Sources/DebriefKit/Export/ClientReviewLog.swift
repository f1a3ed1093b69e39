#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The user's decisions about the client version's lines, kept beside the session in
/// `<base>.review.jsonl` (0600, append-only, one JSON object a line:
/// `{"type":"client_line","line":"learned:4","include":false,"at":"2026-11-26T01:00:00Z"}`).
/// The session file is never rewritten: it is immutable once the meeting ends. The last
/// decision about a line wins; a damaged line is skipped.
public struct ClientReviewLog: Sendable {
    public let url: URL
    /// Line key (`ClientVisibility.Line.key`) → whether it goes out.
    public private(set) var decisions: [String: Bool] = [:]
    /// Lines of the file that could not be read (skipped).
    public private(set) var skipped = 0

    struct Decision: Codable {
        var type = "client_line"
        var line: String
        var include: Bool
        var at: String?
    }

    /// The sidecar of a session file or journal: its name with `.review.jsonl`.
    public static func url(forSession session: URL) -> URL {
        session.deletingLastPathComponent()
            .appendingPathComponent(SessionCatalog.name(of: session) + ".review.jsonl")
    }

    /// Reads the decisions so far; a missing file means none.
    public init(session: URL) {
        url = Self.url(forSession: session)
        guard let data = try? Data(contentsOf: url) else { return }
        for line in JSONLines.lines(in: data) where !line.isEmpty {
            guard let decision = try? JSONDecoder().decode(Decision.self, from: line), decision.type == "client_line" else {
                skipped += 1
                continue
            }
            decisions[decision.line] = decision.include
        }
    }

    /// Appends one decision and flushes it to disk before returning.
    public mutating func record(line key: String, include: Bool, at date: Date = Date()) throws(StorageError) {
        let decision = Decision(line: key, include: include, at: CivilTime.iso8601(date))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(decision)) ?? Data()
        data.append(0x0A)
        let isNew = !FileManager.default.fileExists(atPath: url.path)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StorageError(path: url.path, action: "open", code: errno) }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        // One write of one short line: O_APPEND keeps two reviews' lines whole.
        try SecureFiles.writeAll(data, to: descriptor, path: url.path)
        try SecureFiles.sync(descriptor, path: url.path)
        // A new file's name must survive a crash too.
        if isNew { SecureFiles.syncFolder(url.deletingLastPathComponent()) }
        decisions[key] = include
    }
}
