#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Where live meetings listen: one socket per meeting, named after its session, in a
/// private runtime folder ($XDG_RUNTIME_DIR/debrief, else /tmp/debrief-<uid>). Not the
/// sessions folder: a socket's path must fit in 107 bytes, and a sessions folder can be
/// anywhere. The folder must be ours and 0700; only its owner can connect.
public struct LiveFolder: Sendable {
    public let path: String
    public static let suffix = ".sock"

    public init(path: String) { self.path = path }

    /// The folder for this user, from the environment (tests give each their own
    /// `XDG_RUNTIME_DIR`).
    public static func standard(environment: [String: String] = ProcessEnvironment.variables) -> LiveFolder {
        if let runtime = environment["XDG_RUNTIME_DIR"], runtime.hasPrefix("/"), runtime.utf8.count < 60 {
            return LiveFolder(path: runtime + "/debrief")
        }
        return LiveFolder(path: "/tmp/debrief-\(getuid())")
    }

    /// Makes the folder if needed and checks it is ours and private: a folder another user
    /// made first (in /tmp anyone can) would let them see or take our meetings.
    public func prepare() throws(LiveError) {
        if mkdir(path, 0o700) != 0, errno != EEXIST {
            throw LiveError("cannot make \(path): \(PlainError.reason(errno: errno))")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw LiveError("cannot read \(path): \(PlainError.reason(errno: errno))") }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw LiveError("\(path) is not a folder; remove it") }
        guard info.st_uid == getuid() else { throw LiveError("\(path) belongs to another user; remove it or set XDG_RUNTIME_DIR") }
        // Exactly 0700: open to others is unsafe, and a umask that took the owner's x bit
        // (the socket's own umask, set a moment by another thread) leaves it unusable.
        if info.st_mode & 0o777 != 0o700, chmod(path, 0o700) != 0 {
            throw LiveError("\(path) is open to others and cannot be made private")
        }
    }

    /// The socket of the meeting `session` (its base name) of the sessions folder
    /// `sessions`: two folders may hold meetings of the same name, so the folder's hash is
    /// part of the name. The session's name is cut, if need be, to fit a socket address.
    public func socketPath(session: String, sessions: String) -> String {
        var hash: UInt32 = 2_166_136_261  // FNV-1a: short, stable across runs and builds
        for byte in sessions.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let tag = "." + String(String(hash, radix: 16).suffix(6))
        let room = UnixSocket.maximumPath - path.utf8.count - 1 - tag.utf8.count - Self.suffix.utf8.count
        var name = session.replacingAll("/", with: "-")
        while name.utf8.count > room, !name.isEmpty { name.removeLast() }
        return path + "/" + name + tag + Self.suffix
    }

    /// The sockets of live meetings. A socket whose host is gone (killed: nothing removed
    /// it) refuses connections; it is removed here, so only meetings that answer remain.
    public func liveSockets() -> [String] {
        guard let names = DirectoryListing.names(in: path) else { return [] }
        return names.filter { $0.hasSuffix(Self.suffix) }.sorted().compactMap { name in
            let socket = path + "/" + name
            return Self.isLive(socket) ? socket : nil
        }
    }

    /// Whether a host listens at `socket`; a stale socket of ours is removed.
    @discardableResult
    public static func isLive(_ socket: String) -> Bool {
        switch UnixSocket.connect(to: socket) {
        case .success(let fd):
            close(fd)
            return true
        case .failure(let error):
            var info = stat()
            if error.code == ECONNREFUSED, lstat(socket, &info) == 0, info.st_mode & S_IFMT == S_IFSOCK, info.st_uid == getuid() {
                unlink(socket)
            }
            return false
        }
    }
}
