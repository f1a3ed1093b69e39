import ArgumentParser
import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate an agenda file and report each problem with its line.")

    @Argument(help: "The agenda YAML file.")
    var file: String

    func run() throws {
        let agenda = try AgendaLoader.load(contentsOf: URL(fileURLWithPath: file), shownAs: file)
        print("\(file): OK: \(VisibleText.line(agenda.title)), \(agenda.sections.count) sections, \(agenda.plannedMinutes) min")
    }
}
