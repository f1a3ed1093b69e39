import ArgumentParser
import DebriefKit

struct AgendasCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agendas",
        abstract: "List the built-in agendas and the agenda files in ./Agendas.")

    func run() throws {
        let builtIn = BuiltinAgendas.names.compactMap { name in
            (try? BuiltinAgendas.agenda(named: name)).map { (name, $0) }
        }
        let folder = AgendaResolver.localFolder.relativePath
        let files = AgendaResolver.localFiles().map { file in
            (VisibleText.line("\(folder)/\(file.lastPathComponent)"), Result { try AgendaLoader.load(contentsOf: file) })
        }
        // One column for every name, so the descriptions line up.
        let width = max(34, (builtIn.map(\.0.count) + files.map(\.0.count)).max() ?? 0)
        func line(_ name: String, _ text: String) -> String {
            "  " + name.padded(toLength: width) + "  " + text
        }
        print("Built-in:")
        for (name, agenda) in builtIn {
            print(line(name, describe(agenda) + (name == BuiltinAgendas.defaultName ? "  (default)" : "")))
        }
        guard !files.isEmpty else { return }
        print("In \(folder)/:")
        for (name, loaded) in files {
            switch loaded {
            case .success(let agenda): print(line(name, describe(agenda)))
            case .failure: print(line(name, "invalid: run 'debrief check \(name)'"))
            }
        }
    }

    private func describe(_ agenda: Agenda) -> String {
        "\(VisibleText.line(agenda.title)), \(agenda.sections.count) sections, \(agenda.plannedMinutes) min"
    }
}
