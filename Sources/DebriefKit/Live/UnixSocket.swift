#if canImport(Glibc)
import Glibc
#endif

/// The few socket calls of the live link: a Unix-domain stream socket, local only. SSH
/// carries it further (`ssh -t host debrief join`): there is no network protocol of ours.
public enum UnixSocket {
    /// The longest path a socket address holds (sun_path is 108 bytes with its NUL).
    public static let maximumPath = 107

    /// A listening socket at `path`, readable and writable by its owner only.
    public static func listen(at path: String) throws(LiveError) -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw LiveError("cannot open a socket: \(PlainError.reason(errno: errno))") }
        // Created 0600 from the start (umask), so nobody else can connect even for a moment.
        let mask = umask(0o177)
        let bound = withAddress(path) { bind(fd, $0, $1) }
        umask(mask)
        guard bound == 0, Glibc.listen(fd, 16) == 0 else {
            let reason = PlainError.reason(errno: errno)
            close(fd)
            throw LiveError("cannot listen at \(path): \(reason)")
        }
        return fd
    }

    /// A connection to the socket at `path`, or the errno that refused it.
    public static func connect(to path: String) -> Result<Int32, Errno> {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .failure(Errno(errno)) }
        var result: Int32 = -1
        repeat { result = withAddress(path) { Glibc.connect(fd, $0, $1) } } while result != 0 && errno == EINTR
        guard result == 0 else {
            let code = errno
            close(fd)
            return .failure(Errno(code))
        }
        return .success(fd)
    }

    /// A waiting connection, non-blocking; nil when none waits.
    public static func accept(from listener: Int32) -> Int32? {
        let fd = Glibc.accept(listener, nil, nil)
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        return fd
    }

    /// The user id of the process at the other end (SO_PEERCRED), nil if unknown.
    public static func peerUser(of fd: Int32) -> uid_t? {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; } (Glibc hides it without _GNU_SOURCE).
        var credentials: (pid: Int32, uid: uid_t, gid: gid_t) = (0, 0, 0)
        var size = socklen_t(MemoryLayout.size(ofValue: credentials))
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &credentials, &size) == 0, size == 12 else { return nil }
        return credentials.uid
    }

    public struct Errno: Error, Equatable, Sendable {
        public var code: Int32
        public init(_ code: Int32) { self.code = code }
        public var reason: String { PlainError.reason(errno: code) }
    }

    private static func withAddress(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32) -> Int32 {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count <= maximumPath else {
            errno = ENAMETOOLONG
            return -1
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
