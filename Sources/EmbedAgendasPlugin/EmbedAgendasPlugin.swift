import Foundation
import PackagePlugin

/// Turns every `Agendas/*.yaml` file into Swift source, so the binary carries the very
/// same agendas the repository ships: one copy to edit, never two to keep in sync.
@main
struct EmbedAgendasPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let agendasFolder = context.package.directoryURL.appending(path: "Agendas")
        let agendaFiles = try FileManager.default
            .contentsOfDirectory(at: agendasFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinAgendaSources.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(agendaFiles.count) agendas",
                executable: try context.tool(named: "AgendaEmbedder").url,
                arguments: [output.path] + agendaFiles.map(\.path),
                inputFiles: agendaFiles,
                outputFiles: [output]
            ),
        ]
    }
}
