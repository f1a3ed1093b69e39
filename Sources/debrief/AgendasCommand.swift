import ArgumentParser
import DebriefKit

struct AgendasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agendas",
        abstract: "List the built-in agendas and the agenda files in ./Agendas.")

    func run() throws {
        print("Built-in:")
        for name in BuiltinAgendas.names {
            if let agenda = try? BuiltinAgendas.agenda(named: name) {
                print("  \(describe(name, agenda))\(name == BuiltinAgendas.defaultName ? "  (default)" : "")")
            }
        }
        let files = AgendaResolver.localFiles()
        guard !files.isEmpty else { return }
        print("In \(AgendaResolver.localFolder.relativePath)/:")
        for file in files {
            do {
                let agenda = try AgendaLoader.load(contentsOf: file)
                print("  \(describe(file.relativePath, agenda))")
            } catch {
                print("  \(file.relativePath)  (invalid: run 'debrief check \(file.relativePath)')")
            }
        }
    }

    private func describe(_ name: String, _ agenda: Agenda) -> String {
        let padded = name.padding(toLength: max(name.count, 34), withPad: " ", startingAt: 0)
        return "\(padded)  \(VisibleText.line(agenda.title)), \(agenda.sections.count) sections, \(agenda.plannedMinutes) min"
    }
}
