import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program and waits for it with posix_spawn and waitpid.
///
/// Foundation's `Process.waitUntilExit` can miss the exit of a short-lived child under the
/// test runner's thread pool and wait forever; waitpid cannot. Output goes to a file, not a
/// pipe: a tmux server forked by `new-session` would inherit a pipe and keep it open forever.
public enum Subprocess {
    public struct Result {
        public var status: Int32
        public var output: String
    }

    /// Starts a program in the background, stdin from /dev/null, stdout and stderr to
    /// `output`; the caller waits for `pid`.
    public static func start(_ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        // The test runner's worker threads block signals, and a spawned child inherits the
        // mask: reset it, or the program under test would never see SIGWINCH or SIGINT.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw SubprocessError.cannotStart(arguments[0], spawned) }
        return pid
    }

    public static func run(_ arguments: [String]) throws -> Result {
        let outputPath = FileManager.default.temporaryDirectory.appending(path: "subprocess-\(UUID().uuidString).out").path
        defer { unlink(outputPath) }
        let pid = try start(arguments, output: outputPath)

        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS, spelled out: the C macros do not cross into Swift.
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Result(status: exitStatus, output: output)
    }
}

public enum SubprocessError: Error {
    case cannotStart(String, Int32)
}
