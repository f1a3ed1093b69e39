#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A failed file operation, worded for the person at the keyboard.
public struct StorageError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var action: String
    public var reason: String

    public init(path: String, action: String, code: Int32) {
        self.path = path
        self.action = action
        self.reason = PlainError.reason(errno: code)
    }

    public init(path: String, action: String, reason: String) {
        self.path = path
        self.action = action
        self.reason = reason
    }

    public var description: String { "cannot \(action) \(path): \(reason)" }
}

/// Confidential files: folders 0700 and files 0600 whatever the umask, and atomic
/// replacement (temp file, fsync, rename, fsync the folder) so a crash leaves the old
/// file or the new one, never half of one.
public enum SecureFiles {
    public static func makeFolder(_ url: URL) throws(StorageError) {
        var missing: [URL] = []
        var folder = url.standardizedFileURL
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            missing.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for folder in missing.reversed() {
            if mkdir(folder.path, 0o700) != 0 && errno != EEXIST {
                throw StorageError(path: folder.path, action: "create folder", code: errno)
            }
            chmod(folder.path, 0o700)  // mkdir applies the umask; chmod does not
        }
        guard isFolder(url.path) == true else {
            throw StorageError(path: url.path, action: "use folder", reason: "it is not a folder")
        }
    }

    /// Whether `path` is a folder (symlinks followed); nil when nothing is there.
    public static func isFolder(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The file's last byte; nil when it is empty or cannot be read.
    public static func lastByte(of path: String) -> UInt8? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let end = lseek(descriptor, 0, SEEK_END)
        guard end > 0 else { return nil }
        var last: UInt8 = 0
        return pread(descriptor, &last, 1, end - 1) == 1 ? last : nil
    }

    /// Opens a new file for writing, 0600, failing if it exists.
    public static func createExclusive(_ url: URL, append: Bool = false) throws(StorageError) -> Int32 {
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | (append ? O_APPEND : 0)
        let descriptor = open(url.path, flags, 0o600)
        guard descriptor >= 0 else { throw StorageError(path: url.path, action: "create", code: errno) }
        fchmod(descriptor, 0o600)
        return descriptor
    }

    /// Writes every byte, retrying short writes and interrupted calls.
    public static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(StorageError) {
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw StorageError(path: path, action: "write", code: failure) }
    }

    public static func sync(_ descriptor: Int32, path: String) throws(StorageError) {
        if fsync(descriptor) != 0 { throw StorageError(path: path, action: "flush to disk", code: errno) }
    }

    public static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    public static func writeAtomically(_ data: Data, to url: URL) throws(StorageError) {
        close(try replace(url, with: data))
    }

    /// `parts` one after another as one file, atomically, as `replace` writes it: a large
    /// session file is streamed to disk and never needs to be whole in memory.
    public static func writeAtomically(parts: some Sequence<Data>, to url: URL) throws(StorageError) {
        close(try replace(url, withParts: parts))
    }

    /// Writes `data` to a fresh 0600 file beside `url`, fsyncs it, renames it over `url` and
    /// fsyncs the folder: a crash leaves the old file or the new one. Returns the new file's
    /// descriptor, still open, for a caller that goes on writing (the journal appends to
    /// it); `beforeRename` runs on it first (the journal takes its lock there).
    public static func replace(
        _ url: URL, with data: Data, append: Bool = false,
        beforeRename: (_ descriptor: Int32, _ path: String) throws(StorageError) -> Void = { _, _ in }
    ) throws(StorageError) -> Int32 {
        try replace(url, withParts: CollectionOfOne(data), append: append, beforeRename: beforeRename)
    }

    /// `replace` for data that comes in parts, written in blocks of about 256 KB.
    public static func replace(
        _ url: URL, withParts parts: some Sequence<Data>, append: Bool = false,
        beforeRename: (_ descriptor: Int32, _ path: String) throws(StorageError) -> Void = { _, _ in }
    ) throws(StorageError) -> Int32 {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appending(path: ".\(url.lastPathComponent).\(getpid()).tmp")
        unlink(temporary.path)
        // The temporary file is ours: a failure names the file the person asked for.
        func named(_ error: StorageError) -> StorageError {
            let missingFolder = !FileManager.default.fileExists(atPath: folder.path)
            return StorageError(path: url.path, action: "save",
                                reason: missingFolder ? "the folder \(folder.path) does not exist" : error.reason)
        }
        let descriptor: Int32
        do throws(StorageError) {
            descriptor = try createExclusive(temporary, append: append)
        } catch {
            throw named(error)
        }
        do throws(StorageError) {
            try beforeRename(descriptor, temporary.path)
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
        do throws(StorageError) {
            let blockSize = 256 * 1024
            var block = Data(capacity: blockSize)
            for part in parts {
                block.append(part)
                if block.count >= blockSize {
                    try writeAll(block, to: descriptor, path: temporary.path)
                    block.removeAll(keepingCapacity: true)
                }
            }
            try writeAll(block, to: descriptor, path: temporary.path)
            try sync(descriptor, path: temporary.path)
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw named(error)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let code = errno
            close(descriptor)
            unlink(temporary.path)
            throw StorageError(path: url.path, action: "save", code: code)
        }
        syncFolder(folder)
        return descriptor
    }
}

extension Dictionary where Key == FileAttributeKey, Value == Any {
    /// A file's size from `attributesOfItem`: Foundation gives an `Int` (a bridged number),
    /// FoundationEssentials a `UInt`; `as? Int` alone missed the second and skipped size limits.
    var fileSize: Int? {
        switch self[.size] {
        case let size as Int: size
        case let size as UInt: Int(exactly: size)
        case let size as UInt64: Int(exactly: size)
        case let size as Int64: Int(exactly: size)
        default: nil
        }
    }
}
