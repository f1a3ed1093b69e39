import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real OpenSSH server for one test: its own host key, client key, `authorized_keys` and
/// config in a temporary folder, listening on 127.0.0.1 on a free high port, run in the
/// foreground (`sshd -D -e`) and killed by its pid when the test ends, passed or failed.
///
/// Not root, sshd can log in only the user running it, which is all a test needs; as root
/// (containers) it logs in root with the key, as `PermitRootLogin prohibit-password` allows.
final class PrivateSSHServer {
    let folder: URL
    let port: Int
    let clientKey: String
    private let pid: pid_t
    private let log: String

    /// - Parameter options: the `authorized_keys` options before the client's key,
    ///   e.g. `command="/path/debrief join --view notes",restrict,pty`.
    init(authorizedKeyOptions options: String, in folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        self.folder = folder
        let sshd = try Self.sshdPath()
        let hostKey = folder.appending(path: "ssh_host_ed25519_key").path
        clientKey = folder.appending(path: "client_ed25519_key").path
        try Self.keygen(hostKey)
        try Self.keygen(clientKey)
        let publicKey = try String(contentsOfFile: clientKey + ".pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let authorizedKeys = folder.appending(path: "authorized_keys").path
        try "\(options) \(publicKey)\n".write(toFile: authorizedKeys, atomically: true, encoding: .utf8)
        // AcceptEnv LANG LC_* as Debian and Ubuntu ship it: the client's locale reaches the
        // forced command (see README on the locale over SSH).
        let config = folder.appending(path: "sshd_config").path
        try """
        HostKey \(hostKey)
        AuthorizedKeysFile \(authorizedKeys)
        PidFile \(folder.appending(path: "sshd.pid").path)
        ListenAddress 127.0.0.1
        UsePAM no
        StrictModes no
        PasswordAuthentication no
        KbdInteractiveAuthentication no
        AcceptEnv LANG LC_*

        """.write(toFile: config, atomically: true, encoding: .utf8)
        // Root's sshd separates privileges into /run/sshd, which the package's service
        // would create at boot; a container that never started the service has none.
        if getuid() == 0, !FileManager.default.fileExists(atPath: "/run/sshd") { mkdir("/run/sshd", 0o755) }

        // A free port is only free until someone takes it: on a lost race, try another.
        var attempt = 0
        while true {
            attempt += 1
            let port = try Self.freePort()
            let log = folder.appending(path: "sshd-\(port).log").path
            let pid = try Subprocess.start([sshd, "-D", "-e", "-f", config, "-p", "\(port)"], output: log)
            switch Self.waitUntilListening(pid: pid, port: port, log: log) {
            case .listening:
                self.port = port
                self.pid = pid
                self.log = log
                return
            case .exited(let output) where attempt < 5 && output.contains("Address already in use"):
                continue
            case .exited(let output), .timedOut(let output):
                Glibc.kill(pid, SIGKILL)
                Self.reap(pid)
                Issue.record("sshd did not start on 127.0.0.1:\(port). Its log:\n\(output)", sourceLocation: sourceLocation)
                throw TmuxError.timedOut("sshd start")
            }
        }
    }

    deinit {
        Glibc.kill(pid, SIGTERM)
        Self.reap(pid)
    }

    /// sshd's own log, for a failure message: it says why a login was refused.
    var output: String { (try? String(contentsOfFile: log, encoding: .utf8)) ?? "" }

    /// `ssh` to this server with the test's key and nothing from the user's own SSH setup
    /// (no config file, agent keys or known hosts), the locale sent as Debian's ssh_config does.
    func client(_ options: String = "-t", command: String = "") -> String {
        "ssh \(options) -F /dev/null -i '\(clientKey)' -p \(port) -o IdentitiesOnly=yes -o BatchMode=yes"
            + " -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o SendEnv=LANG 127.0.0.1"
            + (command.isEmpty ? "" : " \(command)")
    }

    /// sshd refuses to run from a relative path; it is usually outside a user's PATH.
    static func sshdPath() throws -> String {
        for candidate in ["/usr/sbin/sshd", "/usr/local/sbin/sshd", "/sbin/sshd"]
        where FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        let found = try Subprocess.run(["sh", "-c", "command -v sshd"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard found.hasPrefix("/") else {
            Issue.record("sshd is not installed: `bash .ci/setup --test` installs openssh-server")
            throw TmuxError.failed("sshd", "not installed")
        }
        return found
    }

    /// A TCP port on 127.0.0.1 nobody listens on right now (the kernel picks it).
    static func freePort() throws -> Int {
        let socket = try tcpSocket()
        defer { close(socket) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { throw TmuxError.failed("bind", String(cString: strerror(errno))) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Opens a TCP connection to 127.0.0.1:`port` and reads until the other side closes it
    /// (or 20 s pass); returns what it read.
    static func connectAndRead(port: Int) throws -> String {
        let socket = try tcpSocket()
        defer { close(socket) }
        var address = loopback(port: port)
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { throw TmuxError.failed("connect \(port)", String(cString: strerror(errno))) }
        var timeout = timeval(tv_sec: Int(Tmux.timeout), tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    private static func tcpSocket() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw TmuxError.failed("socket", String(cString: strerror(errno))) }
        return socket
    }

    /// 127.0.0.1:`port` (0: any port the kernel picks).
    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    private static func keygen(_ path: String) throws {
        let result = try Subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "debrief-e2e", "-f", path])
        guard result.status == 0 else { throw TmuxError.failed("ssh-keygen", result.output) }
    }

    private enum Start { case listening, exited(String), timedOut(String) }

    private static func waitUntilListening(pid: pid_t, port: Int, log: String) -> Start {
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        var text = ""
        while Date() < deadline {
            text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if text.contains("Server listening on 127.0.0.1 port \(port)") { return .listening }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                return .exited((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return .timedOut(text)
    }

    /// Waits for the process to end, SIGKILL if SIGTERM was not enough within the timeout.
    private static func reap(_ pid: pid_t) {
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result == -1 && errno != EINTR) { return }
            if Date() > deadline { Glibc.kill(pid, SIGKILL); _ = waitpid(pid, &status, 0); return }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }
}
