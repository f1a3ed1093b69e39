#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The journal lines of the two events a meeting writes most, a note and the unfinished
/// note once typing pauses, written directly: the bytes `SessionCoding.line` makes through
/// JSONEncoder (keys sorted, slashes as they are), which took more of each note's Enter
/// than drawing its frame. Every other event goes through the encoder. A property test
/// pins these lines equal to the encoder's for any text.
enum EventLine {
    /// The line (newline ended), or nil for an event this does not write.
    static func line(_ event: Event) -> Data? {
        var line = Writer()
        switch event.change {
        case .noteAdded(let id, let section, let content):
            line.open()
            if let due = content.due { line.field("due", string: due) }
            line.field("id", number: id)
            line.field("kind", string: content.kind.rawValue)
            if let owner = content.owner { line.field("owner", string: owner) }
            line.field("section", string: section)
            line.field("t", number: event.t)
            line.field("text", string: content.text)
            line.field("type", string: "note_added")
        case .draftChanged(let text, let section, let terminal):
            line.open()
            if let section { line.field("section", string: section) }
            line.field("t", number: event.t)
            if let terminal { line.field("terminal", string: terminal) }
            line.field("text", string: text)
            line.field("type", string: "draft")
        default:
            return nil
        }
        return line.close()
    }

    private struct Writer {
        static let hex = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        var first = true

        mutating func open() {
            bytes.reserveCapacity(128)
            bytes.append(UInt8(ascii: "{"))
        }

        mutating func close() -> Data {
            bytes.append(UInt8(ascii: "}"))
            bytes.append(UInt8(ascii: "\n"))
            return Data(bytes)
        }

        mutating func field(_ key: StaticString, string value: String) {
            name(key)
            quoted(value)
        }

        mutating func field(_ key: StaticString, number value: Int) {
            name(key)
            bytes.append(contentsOf: String(value).utf8)
        }

        private mutating func name(_ key: StaticString) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(UInt8(ascii: "\""))
            key.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }

        /// JSONEncoder's escaping: a quote and a backslash escaped, control characters as
        /// \b \t \n \f \r or \u00xx (lowercase hex), everything else as its UTF-8 bytes.
        private mutating func quoted(_ value: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
                case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
                case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
                case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
                case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
                case 0..<0x20:
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
