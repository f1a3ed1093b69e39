import ArgumentParser
import DebriefKit
import Foundation

/// `debrief-bench generate --notes N -o FILE`: a generated meeting on disk, so scale runs
/// (show, export, replay, resume of a 100,000-note meeting) go through the real command
/// line. A name ending in `.journal.jsonl` gets the journal of a meeting still running
/// (no end, no summary), ready for `debrief resume`; any other name a finished session file.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a generated session file (or journal) of a given number of notes.")

    @Option(help: "Notes in the meeting (other events come on top: edits, tags, removals…).")
    var notes: Int

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write (refused if it exists).", valueName: "file"))
    var output: String

    @Option(help: "Seed of the generator: the same seed writes the same meeting.")
    var seed: UInt64 = 2026

    func validate() throws {
        guard notes >= 1, notes <= 10_000_000 else { throw ValidationError("--notes must be from 1 to 10000000") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: output)
        let journal = url.lastPathComponent.hasSuffix(SessionStore.journalSuffix)
        var generator = SessionGenerator(agenda: try BuiltinAgendas.defaultAgenda(), seed: seed)
        var events = generator.events(notes: notes)
        if journal { events.removeLast() }  // a meeting still running has not ended
        let data = journal ? generator.journal(events: events) : generator.sessionFile(events: events)
        do {
            let descriptor = try SecureFiles.createExclusive(url)
            defer { close(descriptor) }
            try SecureFiles.writeAll(data, to: descriptor, path: url.path)
        } catch {
            throw GenerateError(description: error.description)
        }
        print("\(url.path): \(notes) notes, \(events.count) events, \(data.count) bytes")
    }
}

/// A file that cannot be written: said in one line, without the usage text.
struct GenerateError: Error, CustomStringConvertible {
    var description: String
}
