#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Every finished session of a folder, as digests, fast: a derived index file in the folder
/// (`.debrief-index.tsv`) remembers each session file's digest with its modification time
/// and size. A file whose time or size changed, or that is new, is read again; a file that
/// is gone is dropped. The index can be deleted at any time: the next command rebuilds it.
/// When the folder cannot be written, the index is simply not saved.
public enum HistoryIndex {
    public static let fileName = ".debrief-index.tsv"

    public static func load(folder: URL) -> SessionHistory {
        let indexURL = folder.appending(path: fileName)
        // The index as read is the answer when current: kept as is, not copied entry by entry.
        var entries = FileManager.default.contents(atPath: indexURL.path).flatMap(IndexCoding.decode) ?? [:]
        let (stamps, interrupted) = scan(folder)
        let previousCount = entries.count
        var stale: [String] = []
        for (name, stamp) in stamps where entries[name]?.0 != stamp { stale.append(name) }
        if previousCount != stamps.count - stale.count {  // changed or removed files: keep only current ones
            entries = entries.filter { stamps[$0.key] == $0.value.0 }
        }
        // Read what changed on every core: a first run over ten thousand files is mostly this.
        let fresh = read(stale, in: folder)
        for (name, entry) in zip(stale, fresh) { entries[name] = (stamps[name]!, entry) }
        if !stale.isEmpty || previousCount != stamps.count {
            try? SecureFiles.writeAtomically(IndexCoding.encode(entries), to: indexURL)
        }
        return SessionHistory(entries: entries, interrupted: interrupted)
    }

    private static func read(_ names: [String], in folder: URL) -> [IndexCoding.Entry] {
        let results = UnsafeMutableBufferPointer<IndexCoding.Entry>.allocate(capacity: names.count)
        results.initialize(repeating: .unreadable(""))
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let url = folder.appending(path: names[index])
            do throws(SessionReadError) {
                output[index] = .session(try SessionDigest.read(url))
            } catch {
                output[index] = .unreadable(error.message)
            }
        }
        return Array(results)
    }

    /// Each session file's stamp, and how many journals: names read with `readdir`, each file
    /// stat'ed relative to the folder's descriptor. A URL built per file and its path
    /// stat'ed cost more than the stat itself, ten thousand times on every command.
    static func scan(_ folder: URL) -> (stamps: [String: IndexCoding.FileStamp], interrupted: Int) {
        guard let directory = opendir(folder.path) else { return ([:], 0) }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        var stamps: [String: IndexCoding.FileStamp] = [:]
        var interrupted = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name.hasSuffix(SessionStore.journalSuffix) { interrupted += 1 }
            guard name.hasSuffix(SessionStore.sessionSuffix), !name.hasPrefix(".") else { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let mtime = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            stamps[name] = IndexCoding.FileStamp(mtime: mtime, size: Int(info.st_size))
        }
        return (stamps, interrupted)
    }
}

/// The sessions of a folder as the history commands see them: readable ones newest first,
/// and every file that could not be read, by name, so no report has a silent gap.
public struct SessionHistory: Sendable {
    public var sessions: [SessionDigest]
    /// File name and why it was skipped (damaged, not a session, a newer format).
    public var skipped: [(file: String, reason: String)]
    /// Journals of meetings not finished yet: not in the history until they end.
    public var interrupted: Int

    public init(sessions: [SessionDigest], skipped: [(file: String, reason: String)] = [], interrupted: Int = 0) {
        // Sorted as positions, then placed: sorting the digests themselves copied (retained and
        // released) every field of one at each move of a merge, a tenth of a warm command.
        let order = sessions.indices.sorted { SessionHistory.newerFirst(sessions[$0], sessions[$1]) }
        self.sessions = order.map { sessions[$0] }
        self.skipped = skipped.sorted { $0.file < $1.file }
        self.interrupted = interrupted
    }

    init(entries: [String: (IndexCoding.FileStamp, IndexCoding.Entry)], interrupted: Int) {
        var sessions: [SessionDigest] = []
        var skipped: [(String, String)] = []
        for (file, (_, entry)) in entries {
            switch entry {
            case .session(let digest): sessions.append(digest)
            case .unreadable(let why): skipped.append((file, why))
            }
        }
        self.init(sessions: sessions, skipped: skipped, interrupted: interrupted)
    }

    /// Start times of one offset sort as text; the name breaks ties.
    static func newerFirst(_ a: SessionDigest, _ b: SessionDigest) -> Bool {
        a.startedAt != b.startedAt ? a.startedAt > b.startedAt : a.name > b.name
    }
}
