#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import Dispatch

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

    /// Nil when the data is not an index this build wrote: then it is rebuilt. Parsed as
    /// bytes (tabs and newlines are ASCII, never inside a UTF-8 sequence): splitting the text
    /// as Swift characters took seconds for ten thousand sessions.
    static func decode(_ data: Data) -> [String: (FileStamp, Entry)]? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [String: (FileStamp, Entry)]? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var lines = ByteLines(bytes)
            guard let first = lines.next(), String(decoding: first, as: UTF8.self) == firstLine else { return nil }
            // One chunk per core, each starting at a session's line: decoded side by side.
            nonisolated(unsafe) let body = UnsafeBufferPointer(rebasing: bytes[lines.start...])
            let chunks = chunkBounds(body, count: max(1, min(8, ProcessInfo.processInfo.activeProcessorCount)))
            nonisolated(unsafe) var parts = [[String: (FileStamp, Entry)]?](repeating: nil, count: chunks.count)
            parts.withUnsafeMutableBufferPointer { output in
                nonisolated(unsafe) let output = output
                DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
                    output[index] = decodeRecords(UnsafeBufferPointer(rebasing: body[chunks[index]]))
                }
            }
            guard parts.allSatisfy({ $0 != nil }) else { return nil }
            // The largest part grows by the others, rather than all of them copied into a new one.
            var result = parts[0]!
            for part in parts.dropFirst() { result.merge(part!) { a, _ in a } }
            return result
        }
    }

    /// Ranges of `body` that each begin at an `S` or `X` line.
    private static func chunkBounds(_ body: UnsafeBufferPointer<UInt8>, count: Int) -> [Range<Int>] {
        var starts = [0]
        for part in 1..<max(1, count) {
            var position = max(starts.last!, body.count * part / count)
            while position < body.count {
                guard let newline = body[position...].firstIndex(of: 0x0A) else { position = body.count; break }
                position = newline + 1
                if position < body.count, body[position] != UInt8(ascii: "I") { break }
            }
            if position < body.count, position > starts.last! { starts.append(position) }
        }
        return zip(starts, starts.dropFirst() + [body.count]).map { $0..<$1 }
    }

    private static func decodeRecords(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: (FileStamp, Entry)]? {
        do {
            var lines = ByteLines(bytes)
            var result: [String: (FileStamp, Entry)] = [:]
            var currentFile: String?
            var current: (FileStamp, SessionDigest)?
            var fields: [UnsafeBufferPointer<UInt8>] = []
            fields.reserveCapacity(12)
            func flush() {
                if let file = currentFile, let (stamp, digest) = current { result[file] = (stamp, .session(digest)) }
                currentFile = nil
                current = nil
            }
            while let line = lines.next() {
                guard !line.isEmpty else { continue }
                split(line, into: &fields)
                switch line[0] {
                case UInt8(ascii: "I"):
                    guard fields.count == 11, current != nil, let id = int(fields[1]),
                          let kind = NoteKind(rawValue: text(fields[2])) else { return nil }
                    let item = SessionDigest.Item(
                        id: id, kind: kind, text: text(fields[10]), section: text(fields[3]),
                        rootCause: optional(fields[4]), severity: optional(fields[5]), owner: optional(fields[6]),
                        due: optional(fields[7]), problem: int(fields[8]),
                        learning: fields[9].isEmpty ? nil : fields[9].first == UInt8(ascii: "1"))
                    current?.1.items.append(item)
                case UInt8(ascii: "S"):
                    flush()
                    guard fields.count == 10, let mtime = Double(text(fields[2])), let size = int(fields[3]) else { return nil }
                    currentFile = text(fields[1])
                    current = (FileStamp(mtime: mtime, size: size),
                               SessionDigest(name: text(fields[4]), title: text(fields[5]), client: optional(fields[6]),
                                             campaign: optional(fields[7]), startedAt: text(fields[8]), items: []))
                    current?.1.caveat = optional(fields[9])
                case UInt8(ascii: "X"):
                    flush()
                    guard fields.count == 5, let mtime = Double(text(fields[2])), let size = int(fields[3]) else { return nil }
                    result[text(fields[1])] = (FileStamp(mtime: mtime, size: size), .unreadable(text(fields[4])))
                default:
                    return nil
                }
            }
            flush()
            return result
        }
    }

    /// Lines of a byte buffer, found with `memchr`.
    private struct ByteLines {
        let bytes: UnsafeBufferPointer<UInt8>
        var start = 0
        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func next() -> UnsafeBufferPointer<UInt8>? {
            guard start < bytes.count, let base = bytes.baseAddress else { return nil }
            let end: Int
            if let found = memchr(base + start, 0x0A, bytes.count - start) {
                end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            } else {
                end = bytes.count
            }
            defer { start = end + 1 }
            return UnsafeBufferPointer(rebasing: bytes[start..<end])
        }
    }

    private static func split(_ line: UnsafeBufferPointer<UInt8>, into fields: inout [UnsafeBufferPointer<UInt8>]) {
        fields.removeAll(keepingCapacity: true)
        var start = 0
        for index in 0..<line.count where line[index] == 0x09 {
            fields.append(UnsafeBufferPointer(rebasing: line[start..<index]))
            start = index + 1
        }
        fields.append(UnsafeBufferPointer(rebasing: line[start..<line.count]))
    }

    private static func text(_ field: UnsafeBufferPointer<UInt8>) -> String {
        field.contains(UInt8(ascii: "\\")) ? unescape(Substring(String(decoding: field, as: UTF8.self)))
            : String(decoding: field, as: UTF8.self)
    }

    private static func optional(_ field: UnsafeBufferPointer<UInt8>) -> String? { field.isEmpty ? nil : text(field) }

    private static func int(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !field.isEmpty, field.count < 19 else { return nil }
        var value = 0
        var negative = false
        for (index, byte) in field.enumerated() {
            if index == 0, byte == UInt8(ascii: "-") { negative = true; continue }
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return negative ? -value : value
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

}
