import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The meeting's append-only log: a header line, then one line per event, each written
/// and fsynced before the screen may show it as captured.
public final class Journal {
    public let url: URL
    private var descriptor: Int32

    /// Starts a new journal; fails if the file already exists.
    public init(creating url: URL, header: SessionHeader) throws(StorageError) {
        self.url = url
        descriptor = try SecureFiles.createExclusive(url, append: true)
        do {
            try writeLine(SessionCoding.line(header))
        } catch {
            close(descriptor)
            unlink(url.path)
            throw error
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    public func append(_ event: Event) throws(StorageError) {
        try writeLine(SessionCoding.line(event))
    }

    private func writeLine(_ line: Data) throws(StorageError) {
        try SecureFiles.writeAll(line, to: descriptor, path: url.path)
        try SecureFiles.sync(descriptor, path: url.path)
    }

    /// Closes and deletes the journal once the session file holds everything.
    public func retire() {
        close(descriptor)
        descriptor = -1
        unlink(url.path)
    }
}
