import DebriefKit
import DebriefTUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `export --format client --review`: the review screen on the real terminal. Each toggle
/// is appended to the review sidecar (fsync'd) before the screen shows it.
enum ClientReviewRunner {
    static func run(header: SessionHeader, state: MeetingState, withOwners: Bool, log: inout ClientReviewLog) throws {
        try MainActor.assumeIsolated { try review(header: header, state: state, withOwners: withOwners, log: &log) }
    }

    @MainActor
    private static func review(header: SessionHeader, state: MeetingState, withOwners: Bool, log: inout ClientReviewLog) throws {
        try TerminalRequirement.check()
        // The screen is drawn on standard output: into a file it would be garbage.
        guard isatty(STDIN_FILENO) == 1 else { throw CommandError("--review needs an interactive terminal") }
        guard isatty(STDOUT_FILENO) == 1 else {
            throw CommandError("--review draws on standard output, which is not a terminal: write the export with -o FILE instead")
        }
        let lines = ClientVisibility.lines(header: header, state: state, withOwners: withOwners)
        let model = ClientReviewModel(lines: lines, decisions: log.decisions)
        var sidecar = log
        let terminal = CursesScreen.open()
        let loop = ClientReviewLoop(terminal: terminal, model: model, title: header.meeting.title) { line, include in
            do {
                try sidecar.record(line: line, include: include)
                return nil
            } catch {
                return PlainError.message(error)
            }
        }
        loop.run { terminal.pendingSignal != 0 }
        terminal.restore()
        log = sidecar
    }
}
