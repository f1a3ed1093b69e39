#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Writes one JSON object as the session's encoder would (`SessionCoding.makeEncoder`:
/// keys sorted, slashes as they are): the caller gives the fields in sorted order. For the
/// lines written at every meeting's start and at every note, where JSONEncoder cost more
/// than the rest of the work (its generic containers are set up on first use, and each asks
/// the runtime to scan every conformance record). Property tests pin every line written
/// this way equal to the encoder's.
struct JSONLineWriter {
    private static let hex = Array("0123456789abcdef".utf8)
    private var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 128) {
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    /// Ends the object and the line.
    mutating func finish() -> Data {
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

    /// A finite Double as JSONEncoder writes it: its description without a trailing ".0".
    mutating func field(_ key: StaticString, number value: Double) {
        name(key)
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    mutating func field(_ key: StaticString, strings values: [String]) {
        name(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            quoted(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// A nested object, its fields written by `body`.
    mutating func object(_ key: StaticString, _ body: (inout JSONLineWriter) -> Void) {
        name(key)
        nested(body)
    }

    /// An array of objects, one per item, each written by `body`.
    mutating func objects<Item>(_ key: StaticString, _ items: [Item], _ body: (inout JSONLineWriter, Item) -> Void) {
        name(key)
        bytes.append(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            nested { body(&$0, item) }
        }
        bytes.append(UInt8(ascii: "]"))
    }

    private mutating func nested(_ body: (inout JSONLineWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    private mutating func name(_ key: StaticString) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
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
