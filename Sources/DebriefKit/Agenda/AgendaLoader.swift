import Foundation
import Yams

/// Reads agenda YAML into an `Agenda`, validating as it goes. Works on the YAML node tree
/// (not `Decodable`) so every problem can name the line it is on.
public enum AgendaLoader {
    /// Agenda files are small; anything bigger is a mistake, not an agenda.
    public static let maximumFileBytes = 1_000_000
    public static let maximumSectionMinutes = 8 * 60
    /// Number keys 1–9 pick tags, so a taxonomy list holds at most nine entries.
    public static let maximumTaxonomyEntries = 9

    /// `shownAs` is how messages name the file: the path as the user typed it, by default the full path.
    public static func load(contentsOf url: URL, shownAs: String? = nil) throws(AgendaError) -> Agenda {
        let file = shownAs ?? url.path
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            if let size = attributes[.size] as? Int, size > maximumFileBytes {
                throw AgendaError([AgendaProblem(file: file, line: nil, message:
                    "file is \(size / 1_000_000) MB; an agenda is at most 1 MB. Is this the right file?")])
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

    public static func parse(yaml: String, file: String) throws(AgendaError) -> Agenda {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw AgendaError([yamlProblem(error, file: file)])
        } catch {
            throw AgendaError([AgendaProblem(file: file, line: nil, message: "cannot parse YAML")])
        }
        var reader = AgendaNodeReader(file: file)
        let agenda = reader.agenda(from: root)
        if let agenda, reader.problems.isEmpty { return agenda }
        throw AgendaError(reader.problems.isEmpty
            ? [AgendaProblem(file: file, line: nil, message: "not a usable agenda")]
            : reader.problems)
    }

    static func yamlProblem(_ error: YamlError, file: String) -> AgendaProblem {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return AgendaProblem(file: file, line: mark.line, message: "YAML syntax error: \(problem) (column \(mark.column))")
        case let .reader(problem, offset, _, yaml):
            let line = offset.map { yaml.utf8.prefix($0).filter { $0 == UInt8(ascii: "\n") }.count + 1 }
            return AgendaProblem(file: file, line: line, message: "cannot read YAML: \(problem); remove it or save the file as plain text")
        default:
            return AgendaProblem(file: file, line: nil, message: "YAML error: \(error)")
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
