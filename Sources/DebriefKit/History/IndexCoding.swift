import Foundation

/// The index file's text: one line per session and one per item, tab-separated, so ten
/// thousand sessions load without a JSON decoder (which took seconds for that many here).
///
///     debrief-index 1
///     S <file> <mtime> <size> <name> <title> <client> <campaign> <started_at> <caveat>
///     I <id> <kind> <section> <root_cause> <severity> <owner> <due> <problem> <learning> <text>
///     X <file> <mtime> <size> <why it was skipped>
///
/// Fields escape `\`, tab and newline; an absent optional is an empty field. `I` lines
/// belong to the `S` line above them. Anything unexpected makes the whole index stale.
enum IndexCoding {
    static let firstLine = "debrief-index 1"

    struct FileStamp: Equatable, Sendable {
        var mtime: Double
        var size: Int
    }

    enum Entry: Sendable {
        case session(SessionDigest)
        case unreadable(String)
    }

    static func encode(_ entries: [String: (FileStamp, Entry)]) -> Data {
        var out = firstLine + "\n"
        for (file, (stamp, entry)) in entries.sorted(by: { $0.key < $1.key }) {
            let head = [escape(file), String(stamp.mtime), String(stamp.size)]
            switch entry {
            case .unreadable(let why):
                out += (["X"] + head + [escape(why)]).joined(separator: "\t") + "\n"
            case .session(let digest):
                out += (["S"] + head + [digest.name, digest.title, digest.client ?? "", digest.campaign ?? "",
                                        digest.startedAt, digest.caveat ?? ""].map(escape)).joined(separator: "\t") + "\n"
                for item in digest.items {
                    let fields = [String(item.id), item.kind.rawValue, escape(item.section), escape(item.rootCause ?? ""),
                                  escape(item.severity ?? ""), escape(item.owner ?? ""), escape(item.due ?? ""),
                                  item.problem.map(String.init) ?? "", item.learning.map { $0 ? "1" : "0" } ?? "",
                                  escape(item.text)]
                    out += "I\t" + fields.joined(separator: "\t") + "\n"
                }
            }
        }
        return Data(out.utf8)
    }

    /// Nil when the data is not an index this build wrote: then it is rebuilt.
    static func decode(_ data: Data) -> [String: (FileStamp, Entry)]? {
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)[...]
        guard lines.first == Substring(firstLine) else { return nil }
        lines = lines.dropFirst()
        var result: [String: (FileStamp, Entry)] = [:]
        result.reserveCapacity(lines.count / 8)
        var currentFile: String?
        var current: (FileStamp, SessionDigest)?
        func flush() {
            if let file = currentFile, let (stamp, digest) = current { result[file] = (stamp, .session(digest)) }
            currentFile = nil
            current = nil
        }
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case "I":
                guard fields.count == 11, current != nil, let id = Int(fields[1]),
                      let kind = NoteKind(rawValue: String(fields[2])) else { return nil }
                let item = SessionDigest.Item(
                    id: id, kind: kind, text: unescape(fields[10]), section: unescape(fields[3]),
                    rootCause: optional(fields[4]), severity: optional(fields[5]), owner: optional(fields[6]),
                    due: optional(fields[7]), problem: Int(fields[8]),
                    learning: fields[9].isEmpty ? nil : fields[9] == "1")
                current?.1.items.append(item)
            case "S":
                flush()
                guard fields.count == 10, let mtime = Double(fields[2]), let size = Int(fields[3]) else { return nil }
                currentFile = unescape(fields[1])
                current = (FileStamp(mtime: mtime, size: size),
                           SessionDigest(name: unescape(fields[4]), title: unescape(fields[5]), client: optional(fields[6]),
                                         campaign: optional(fields[7]), startedAt: unescape(fields[8]), items: []))
                current?.1.caveat = optional(fields[9])
            case "X":
                flush()
                guard fields.count == 5, let mtime = Double(fields[2]), let size = Int(fields[3]) else { return nil }
                result[unescape(fields[1])] = (FileStamp(mtime: mtime, size: size), .unreadable(unescape(fields[4])))
            default:
                return nil
            }
        }
        flush()
        return result
    }

    /// On scalars, not characters: "\r\n" is one Character and would slip past a check for "\n".
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    static func unescape(_ field: Substring) -> String {
        guard field.unicodeScalars.contains("\\") else { return String(field) }
        var out = String.UnicodeScalarView()
        var escaping = false
        for scalar in field.unicodeScalars {
            if escaping {
                switch scalar {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func optional(_ field: Substring) -> String? { field.isEmpty ? nil : unescape(field) }
}
