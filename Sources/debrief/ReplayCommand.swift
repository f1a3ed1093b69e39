import ArgumentParser
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

struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a past session, as it happened. Never changes the file.",
        discussion: """
        Keys: Space plays or pauses; < > (or - +) change the speed (1×, 4×, 16×, 64×); \
        Left/Right step between events; PageUp/PageDown jump between section starts; \
        Home/End; [ ] move one minute along the timeline; F1 lists the keys; q, Esc or F10 leave. \
        Journals of interrupted meetings (*.journal.jsonl) replay as far as they got.
        """)

    @Argument(help: ArgumentHelp("A session file or journal, or its name in the sessions folder.", valueName: "session"))
    var session: String

    @OptionGroup var storage: SessionsOption

    func run() throws {
        try MainActor.assumeIsolated { try replay() }
    }

    @MainActor
    private func replay() throws {
        try TerminalRequirement.check()
        let (url, record) = try SessionLocator.read(session, in: storage.store)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandError("debrief replay needs an interactive terminal (try 'debrief show \(session)')")
        }
        let timeline = ReplayTimeline(agenda: record.header.agenda, events: record.events)
        let isInterrupted = url.lastPathComponent.hasSuffix(SessionStore.journalSuffix) || record.summary == nil
        let model = ReplayModel(timeline: timeline, info: record.header.meeting, isInterrupted: isInterrupted)
        let terminal = CursesScreen.open()
        let loop = ReplayLoop(terminal: terminal, clock: SystemClock(), model: model)
        loop.run { terminal.pendingSignal != 0 }
        terminal.restore()
    }
}
