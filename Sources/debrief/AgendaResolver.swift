import DebriefKit
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Finds an agenda by built-in name, by name in `./Agendas`, or by file path.
enum AgendaResolver {
    static let localFolder = URL(fileURLWithPath: "Agendas")

    static func resolve(_ reference: String?) throws -> Agenda {
        guard let reference else { return try BuiltinAgendas.defaultAgenda() }
        let looksLikePath = reference.contains("/") || reference.hasSuffix(".yaml") || reference.hasSuffix(".yml")
        if looksLikePath {
            return try AgendaLoader.load(contentsOf: URL(fileURLWithPath: reference), shownAs: reference)
        }
        let local = localFolder.appending(path: reference + ".yaml")
        if FileManager.default.fileExists(atPath: local.path) {
            return try AgendaLoader.load(contentsOf: local, shownAs: local.relativePath)
        }
        if let builtin = try BuiltinAgendas.agenda(named: reference) { return builtin }
        let known = (BuiltinAgendas.names + localFiles().map { $0.deletingPathExtension().lastPathComponent })
        throw CommandError("no agenda named '\(reference)'. Known agendas: \(Set(known).sorted().joined(separator: ", ")); or give a path to a .yaml file")
    }

    static func localFiles() -> [URL] {
        let names = DirectoryListing.names(in: localFolder.path) ?? []
        let files = names.map { localFolder.appending(path: $0) }
        return files.filter { ["yaml", "yml"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
    }
}
