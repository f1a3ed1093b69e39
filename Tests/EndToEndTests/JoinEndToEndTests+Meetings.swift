import DebriefKit
import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the join end-to-end tests share: the meetings they start, and what they look for.
extension JoinEndToEndTests {
    /// A host and a joiner of one meeting, both on screen.
    final class Meeting {
        let folder = Debrief.freshFolder()
        let runtime = "/tmp/dj-\(UUID().uuidString.prefix(8))"
        let host: Tmux
        var joiner: Tmux

        /// - Parameters:
        ///   - options: the joined terminal's display options (`--view`, `--theme`).
        ///   - environment: shell commands run before both, such as `unset NO_COLOR; `.
        init(join options: String = "", environment: String = "") throws {
            mkdir(runtime, 0o700)
            host = try Tmux(environment + Self.command("run", folder: folder, runtime: runtime))
            try host.waitFor("1/6  Performance vs. goals")
            joiner = try Tmux(environment + Self.command("join --name sam \(options)", folder: folder, runtime: runtime))
            try joiner.waitFor("1/6  ")  // a line on the notes, block letters beside it on the projector
            try host.waitFor("sam joined the meeting")
        }

        deinit { try? FileManager.default.removeItem(atPath: runtime) }

        static func command(_ arguments: String, folder: URL, runtime: String) -> String {
            "export XDG_RUNTIME_DIR='\(runtime)'; " + Debrief.command(arguments, sessions: folder)
        }

        func rejoin() throws -> Tmux {
            try Tmux(Self.command("join --name sam", folder: folder, runtime: runtime))
        }

        /// Waits until the journal holds `text` as the joined terminal's draft.
        func waitForJournalledDraft(_ text: String) throws {
            let deadline = Date().addingTimeInterval(Tmux.timeout)
            while Date() < deadline {
                if let journal = Debrief.files(in: folder, suffix: SessionStore.journalSuffix).first,
                   let content = try? String(contentsOf: journal, encoding: .utf8),
                   content.contains("\"terminal\":\"sam\",\"text\":\"\(text)\"") { return }
                Thread.sleep(forTimeInterval: 0.05)
            }
            Issue.record("the draft '\(text)' was never journalled")
            throw TmuxError.timedOut("draft")
        }
    }

    /// A host meeting with no terminal joined yet, in a sessions folder and a runtime folder
    /// of its own (removed with it).
    final class HostAlone {
        let folder = Debrief.freshFolder()
        let runtime = "/tmp/dj-\(UUID().uuidString.prefix(8))"
        let host: Tmux

        init() throws {
            mkdir(runtime, 0o700)
            host = try Tmux(Meeting.command("run", folder: folder, runtime: runtime))
            try host.waitFor("1/6  Performance vs. goals")
        }

        deinit { try? FileManager.default.removeItem(atPath: runtime) }

        /// `debrief ARGUMENTS` against this meeting's folders.
        func command(_ arguments: String) -> String { Meeting.command(arguments, folder: folder, runtime: runtime) }
    }

    /// Waiting costs the terminals' programs no CPU to speak of: under a quarter of 2 s (a
    /// loop that spun, its read returning at once, would use the whole time).
    static func expectAsleep(_ terminals: [Tmux], _ label: String) throws {
        func cpuTicks(_ pid: pid_t) -> Int {
            // utime and stime, fields 14 and 15, after the command's ")".
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
            return fields.count > 13 ? (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0) : 0
        }
        let programs = try terminals.map { try $0.programPID() }
        let before = programs.map(cpuTicks)
        Thread.sleep(forTimeInterval: 2)
        let used = zip(programs.map(cpuTicks), before).map { $0 - $1 }
        #expect(used.allSatisfy { $0 < 25 }, "\(label): CPU ticks (1/100 s) over 2 s of waiting: \(used)")
    }

    /// Types `text` as a note on one terminal and waits for it on the other; that screen.
    @discardableResult
    static func note(_ text: String, from typist: Tmux, reaching other: Tmux) throws -> String {
        try typist.type(text)
        try typist.press("Enter")
        return try other.waitFor(text)
    }

    /// The big digits' full blocks: on the projector, never on the notes.
    static func showsProjector(_ screen: String) -> Bool { screen.contains("██") && screen.contains("F7 Notes") }
    /// The notes view's status line (at 100 columns it has no room for F7).
    static func showsNotes(_ screen: String) -> Bool { !screen.contains("██") && screen.contains("Tab Notes") }
}
