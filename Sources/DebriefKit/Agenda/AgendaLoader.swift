#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads agenda YAML into an `Agenda`, validating as it goes. Works on the YAML node tree
/// (not `Decodable`) so every problem can name the line it is on.
public enum AgendaLoader {
    /// Agenda files are small; anything bigger is a mistake, not an agenda (see `Limits`).
    public static var maximumFileBytes: Int { Limits.agendaFileBytes }
    public static var maximumSectionMinutes: Int { Limits.sectionMinutes }
    public static var maximumTaxonomyEntries: Int { Limits.taxonomyEntries }

    /// `shownAs` is how messages name the file: the path as the user typed it, by default the full path.
    public static func load(contentsOf url: URL, shownAs: String? = nil) throws(AgendaError) -> Agenda {
        let file = shownAs ?? url.path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            if let size = attributes.fileSize, size > maximumFileBytes {
                throw AgendaError([AgendaProblem(file: file, line: nil, message:
                    "file is \(Limits.size(size)); an agenda is at most \(Limits.size(Limits.agendaFileBytes)). Is this the right file?")])
            }
            data = try Data(contentsOf: url)
        } catch let error as AgendaError {
            throw error
        } catch {
            throw AgendaError([AgendaProblem(file: file, line: nil, message: "cannot read the file: \(PlainError.reading(error, path: url.path))")])
        }
        return try parse(data: data, file: file)
    }

    public static func parse(data: Data, file: String) throws(AgendaError) -> Agenda {
        guard let text = String(data: data, encoding: .utf8) else {
            let line = firstInvalidUTF8Line(data)
            throw AgendaError([AgendaProblem(file: file, line: line, message:
                "the file is not valid UTF-8 text; save it as UTF-8")])
        }
        return try parse(yaml: text, file: file)
    }

    /// - Parameter checkingLimits: whether to check what a hostile or outsized file could do:
    ///   its aliases' expansion (a parse of its own) and its size once saved in a journal's
    ///   first line (an encoding). Built-in agendas skip both (7 % of start-up): the test
    ///   suite loads their files with every check (`everyShippedAgendaFileLoadsAndIsBuiltIn`).
    public static func parse(yaml: String, file: String, checkingLimits: Bool = true) throws(AgendaError) -> Agenda {
        let root: YAMLNode?
        do {
            if checkingLimits { try YAMLExpansion.check(yaml) }
        } catch {
            throw AgendaError([AgendaProblem(file: file, line: error.line, message: expansionMessage)])
        }
        do {
            root = try YAMLComposer.compose(yaml)
        } catch {
            throw AgendaError([yamlProblem(error, file: file)])
        }
        var reader = AgendaNodeReader(file: file)
        let agenda = reader.agenda(from: root)
        if let agenda, reader.problems.isEmpty {
            guard checkingLimits else { return agenda }
            // The agenda is copied into every journal's first line: refuse one that would make
            // a line no reader accepts (escaping can grow text 6×), before any meeting starts.
            let saved = SessionCoding.line(agenda).count
            guard saved <= Limits.agendaHeaderBytes else {
                throw AgendaError([AgendaProblem(file: file, line: nil, message:
                    "the agenda takes \(Limits.size(saved)) once saved in a meeting file (its text escaped); at most \(Limits.size(Limits.agendaHeaderBytes)) fit. Shorten prompts or guidance, or split it into two agendas")])
            }
            return agenda
        }
        throw AgendaError(reader.problems.isEmpty
            ? [AgendaProblem(file: file, line: nil, message: "not a usable agenda")]
            : reader.problems)
    }

    static let expansionMessage = "the agenda grows past \(Limits.size(Limits.agendaExpandedUnits)) once its aliases (*name) are expanded, more than an agenda can be; write the repeated text out, or repeat it less"

    static func yamlProblem(_ error: YAMLError, file: String) -> AgendaProblem {
        switch error {
        case let .syntax(problem, line, column):
            return AgendaProblem(file: file, line: line, message: "YAML syntax error: \(problem) (column \(column))")
        case let .reader(problem, line):
            return AgendaProblem(file: file, line: line, message: "cannot read YAML: \(problem); remove it or save the file as plain text")
        case let .duplicateKeys(duplicates, line):
            let keys = duplicates.prefix(3).map { "'\($0.prefix(40))'" }.joined(separator: ", ")
            let more = duplicates.count > 3 ? " and \(duplicates.count - 3) more" : ""
            return AgendaProblem(file: file, line: line, message:
                "the key \(keys)\(more) appears twice in one mapping; keep one of each")
        case .outOfMemory:
            return AgendaProblem(file: file, line: nil, message: "YAML error: out of memory")
        }
    }

    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == UInt8(ascii: "\n") {
            if String(data: data[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = data.index(after: index)
        }
        return line
    }
}
