import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Reaching the program inside the pane: to kill it the way a crash, a closed laptop or
/// a dropped SSH connection would.
extension Tmux {
    /// The program the pane runs: the newest process down the line of children from the
    /// pane's shell (through an interactive shell, if the test started one).
    func programPID(sourceLocation: SourceLocation = #_sourceLocation) throws -> pid_t {
        let shell = try Subprocess.run(["tmux", "-L", socket, "display-message", "-p", "-t", target, "#{pane_pid}"])
            .output.trimmingCharacters(in: .whitespacesAndNewlines)
        func child(of pid: String) -> String? {
            let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
            return children.split(separator: " ").last.map(String.init)
        }
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        while Date() < deadline {
            var leaf = child(of: shell)
            while let current = leaf, let next = child(of: current) { leaf = next }
            if let pid = leaf.flatMap({ pid_t($0) }) { return pid }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("no program running in the pane", sourceLocation: sourceLocation)
        throw TmuxError.timedOut("program start")
    }

    /// Sends `signal` to the program without waiting for anything.
    func signal(_ signal: Int32) throws {
        Glibc.kill(try programPID(), signal)
    }

    /// Sends `signal` to the program and waits until it is gone.
    func kill(_ signal: Int32) throws {
        let pid = try programPID()
        Glibc.kill(pid, signal)
        let deadline = Date().addingTimeInterval(Tmux.timeout)
        while Date() < deadline, FileManager.default.fileExists(atPath: "/proc/\(pid)/cmdline"),
              !((try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.contains(") Z ") ?? true) {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Waits for a yes/no question as the last line on screen (older ones may still be
    /// shown above it) and answers yes.
    func answerYes(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try waitUntil("a [Y/n] question is asked", sourceLocation: sourceLocation) { screen in
            screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }?
                .trimmingCharacters(in: .whitespaces).hasSuffix("[Y/n]") ?? false
        }
        try type("y")
        try press("Enter")
    }

    /// Closes the whole tmux session, as closing the terminal window does (SIGHUP).
    func closeSession() throws {
        _ = try Subprocess.run(["tmux", "-L", socket, "kill-session", "-t", target])
    }
}

extension Debrief {
    /// A shell command line that runs several debrief commands in turn, all on one
    /// private sessions folder: `["--time-scale 60", "resume"]`.
    static func commands(_ runs: [String], sessions: URL) -> String {
        let folder = sessions.appending(path: "sessions").path
        return "cd '\(sessions.path)' && export DEBRIEF_SESSIONS='\(folder)' && "
            + runs.map { "'\(binary)' \($0)" }.joined(separator: "; ")
    }
}
