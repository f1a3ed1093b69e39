#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// What became of an action after its meeting.
public enum ActionStatus: String, Codable, CaseIterable, Sendable {
    case open, done, dropped
}

/// `actions.ledger.jsonl` in the sessions folder: statuses recorded between meetings
/// (session files never change). Append-only JSON Lines, one status per line, each with a
/// random id of its own, so two people's ledgers merged by git are the union of their lines
/// (`.gitattributes` asks git for exactly that: `merge=union`) and the latest status wins
/// by time, whatever order the lines end up in.
///
/// An append takes an exclusive lock, starts on a fresh line if the last one was torn by a
/// crash, writes one line and fsyncs before it returns. A reader skips (and counts) lines
/// it cannot read.
public struct ActionLedger: Sendable {
    public static let fileName = "actions.ledger.jsonl"

    public struct Entry: Codable, Equatable, Sendable {
        /// Unique per line: what keeps two people's appends apart.
        public var id: String
        /// `<session name>#<note id>`: the same on every machine.
        public var action: String
        public var status: ActionStatus
        /// ISO 8601 UTC with milliseconds.
        public var at: String
        public var by: String?

        public init(id: String = ActionLedger.newLineID(), action: String, status: ActionStatus, at: String, by: String? = nil) {
            self.id = id
            self.action = action
            self.status = status
            self.at = at
            self.by = by
        }
    }

    public let url: URL

    public init(folder: URL) { url = folder.appending(path: Self.fileName) }

    public static func newLineID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16) }.joined(separator: "-")
    }

    public static func timestamp(_ date: Date = Date()) -> String {
        CivilTime.iso8601(date, fractional: true)
    }

    public func append(_ entry: Entry) throws(StorageError) {
        try SecureFiles.makeFolder(url.deletingLastPathComponent())
        let descriptor = open(url.path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StorageError(path: url.path, action: "open", code: errno) }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw StorageError(path: url.path, action: "lock", code: errno) }
        }
        defer { flock(descriptor, LOCK_UN) }
        var line = SessionCoding.line(entry)
        if !endsWithNewline(descriptor) { line.insert(UInt8(ascii: "\n"), at: 0) }  // after a torn line
        try SecureFiles.writeAll(line, to: descriptor, path: url.path)
        try SecureFiles.sync(descriptor, path: url.path)
    }

    /// Empty files end "with a newline" too: nothing to finish.
    private func endsWithNewline(_ descriptor: Int32) -> Bool {
        let size = lseek(descriptor, 0, SEEK_END)
        guard size > 0 else { return true }
        var last: UInt8 = 0
        return pread(descriptor, &last, 1, size - 1) == 1 && last == UInt8(ascii: "\n")
    }

    /// Every readable line, and the 1-based numbers of those that were not.
    public func read() -> (entries: [Entry], unreadable: [Int]) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return ([], []) }
        let decoder = JSONDecoder()
        var entries: [Entry] = []
        var unreadable: [Int] = []
        for (index, line) in JSONLines.lines(in: data).enumerated() where !line.isEmpty {
            if line.count <= Limits.lineBytes, let entry = try? decoder.decode(Entry.self, from: Data(line)) {
                entries.append(entry)
            } else {
                unreadable.append(index + 1)
            }
        }
        return (entries, unreadable)
    }

    /// The latest status of each action: by time, then by line id, so every merge order agrees.
    public static func latest(_ entries: [Entry]) -> [String: Entry] {
        var latest: [String: Entry] = [:]
        for entry in entries {
            if let known = latest[entry.action], (known.at, known.id) >= (entry.at, entry.id) { continue }
            latest[entry.action] = entry
        }
        return latest
    }
}
