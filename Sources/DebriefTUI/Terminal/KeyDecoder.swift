import DebriefKit

/// Decodes the escape sequences terminals really send, whatever TERM claims. ncurses
/// decodes what the terminfo entry lists; everything else reaches us as ESC and the bytes
/// after it (tmux sends Home as `ESC [ 1 ~` even under TERM=xterm, whose entry says
/// `ESC O H`). Fed one scalar at a time, so a sequence split across reads decodes the same;
/// an unknown sequence is swallowed whole and named, never typed into a note.
public struct KeyDecoder: Sendable {
    public enum Output: Equatable, Sendable {
        case key(Key)
        /// A sequence no terminal we know sends for a key, named for the message line.
        case unknown(String)
        /// Bracketed paste markers, in case ncurses did not match them itself.
        case pasteStart, pasteEnd
    }

    private static let escape: UInt32 = 0x1B
    /// Longer sequences are still swallowed to their end, but only this much is kept.
    private static let keptLength = 24

    private var pending: [UInt32] = []
    /// An ESC came before this sequence: Alt was held (rxvt sends Alt-← as ESC ESC [ D).
    private var altPrefix = false
    /// A sequence longer than `keptLength`: the rest is swallowed without being kept.
    private var overlong = false

    public init() {}

    /// Whether bytes are waiting for the rest of their sequence.
    public var isInsideSequence: Bool { !pending.isEmpty }
    /// Only an ESC so far: a lone Esc if nothing follows at once (ncurses already waited).
    public var holdsOnlyEscape: Bool { pending == [Self.escape] }

    /// One scalar from the terminal; returns what it completes (often nothing yet).
    public mutating func feed(_ value: UInt32) -> [Output] {
        if pending.isEmpty {
            if value == Self.escape {
                pending = [value]
                return []
            }
            return Self.characterKey(value).map { [.key($0)] } ?? []
        }
        if overlong {
            // Swallow up to the final byte of the over-long CSI, whatever it is.
            guard Self.isFinal(value) || !(0x20...0x3F).contains(value) else { return [] }
            return finishUnknown()
        }
        pending.append(value)
        return decodePending()
    }

    /// A key ncurses decoded itself (from terminfo) while a sequence was pending.
    public mutating func feed(key: Key) -> [Output] {
        if pending.isEmpty { return [.key(key)] }
        if holdsOnlyEscape {
            reset()
            return [.key(Self.alt(key))]
        }
        return finishUnknown() + [.key(key)]
    }

    /// Nothing more came in time: decide what the pending bytes were.
    public mutating func timeOut() -> [Output] {
        guard !pending.isEmpty else { return [] }
        let wasAlt = altPrefix
        if holdsOnlyEscape {
            reset()
            return wasAlt ? [.key(.escape), .key(.escape)] : [.key(.escape)]
        }
        if pending.count == 2, pending[1] == 0x5B || pending[1] == 0x4F {
            // ESC [ or ESC O and then a pause: Alt-[ or Alt-O typed by hand.
            let character = Character(Unicode.Scalar(pending[1])!)
            reset()
            return [.key(.alt(.character(character)))]
        }
        return finishUnknown()
    }

    // MARK: Decoding

    private mutating func decodePending() -> [Output] {
        let second = pending[1]
        if pending.count == 2 {
            switch second {
            case Self.escape:
                // ESC ESC: Alt and then a sequence, or Esc pressed twice (decided on time-out).
                let extra: [Output] = altPrefix ? [.key(.escape)] : []
                altPrefix = true
                pending = [Self.escape]
                return extra
            case 0x5B, 0x4F:  // [ O
                return []
            default:
                reset()
                guard let key = Self.characterKey(second) else { return [.unknown(Self.name([Self.escape, second]))] }
                return [.key(.alt(key))]
            }
        }
        let last = pending[pending.count - 1]
        if second == 0x4F { return decodeSS3(last) }
        // The Linux console: ESC [ [ A … E are F1 … F5.
        if pending[2] == 0x5B {
            guard pending.count == 4 else { return [] }
            if (0x41...0x45).contains(last) { return finish(.function(Int(last) - 0x40)) }
            return finishUnknown()
        }
        if Self.isFinal(last) || (last == 0x24 && pending.count > 3) {  // rxvt's `$` (Shift) ends a sequence too
            if last == 0x7E, pending[2...] == [0x32, 0x30, 0x30, 0x7E] { reset(); return [.pasteStart] }
            if last == 0x7E, pending[2...] == [0x32, 0x30, 0x31, 0x7E] { reset(); return [.pasteEnd] }
            return finish(Self.csiKey(parameters: Array(pending[2..<(pending.count - 1)]), final: last))
        }
        if (0x20...0x3F).contains(last) {
            if pending.count > Self.keptLength { overlong = true }
            return []
        }
        // A control character inside a sequence: the sequence was broken off. Name what
        // came before and read this byte afresh.
        pending.removeLast()
        return finishUnknown() + feed(last)
    }

    private mutating func decodeSS3(_ last: UInt32) -> [Output] {
        // SS3 is one byte, optionally after modifier digits (`ESC O 5 D`, `ESC O 1;5P`).
        if (0x30...0x3B).contains(last) {
            if pending.count > 8 { return finishUnknown() }
            return []
        }
        let parameters = Array(pending[2..<(pending.count - 1)])
        let key: Key?
        switch last {
        case 0x61: key = .up  // rxvt: ESC O a…d are Ctrl with an arrow
        case 0x62: key = .down
        case 0x63: key = .controlRight
        case 0x64: key = .controlLeft
        case 0x4D: key = .enter  // keypad Enter in application mode
        case 0x6A...0x79: key = .character(Character(Unicode.Scalar(last - 0x6A + 0x2A)!))  // keypad * + , - . / 0…9
        case 0x58: key = .character("=")
        default: key = Self.csiKey(parameters: parameters, final: last)
        }
        return finish(key)
    }

    private mutating func finish(_ key: Key?) -> [Output] {
        guard let key else { return finishUnknown() }
        let wasAlt = altPrefix
        reset()
        return [.key(wasAlt ? Self.alt(key) : key)]
    }

    private mutating func finishUnknown() -> [Output] {
        let name = Self.name(pending) + (overlong ? " …" : "")
        let wasAlt = altPrefix
        reset()
        return [.unknown(wasAlt ? "ESC " + name : name)]
    }

    private mutating func reset() {
        pending = []
        altPrefix = false
        overlong = false
    }

    private static func isFinal(_ value: UInt32) -> Bool { (0x40...0x7E).contains(value) }

    private static func alt(_ key: Key) -> Key {
        if case .alt = key { return key }
        return .alt(key)
    }

    /// The key a CSI sequence (or SS3 with the same letters) stands for, nil if none.
    static func csiKey(parameters: [UInt32], final: UInt32) -> Key? {
        guard parameters.allSatisfy({ (0x30...0x3B).contains($0) && $0 != 0x3A }) else { return nil }  // `?`, `>`, `<`, `:`: not keys
        let text = String(String.UnicodeScalarView(parameters.compactMap(Unicode.Scalar.init)))
        let numbers = text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard numbers.count <= 2, numbers.allSatisfy({ $0 != nil || text.isEmpty }) else { return nil }
        let first = numbers.first.flatMap { $0 }
        let second = numbers.count == 2 ? numbers[1] : nil
        switch final {
        case 0x7E:  // ~
            guard let first, let key = tildeKey(first) else { return nil }
            return modified(key, by: second ?? 1)
        case 0x24, 0x5E, 0x40:  // rxvt: `$` Shift, `^` Ctrl, `@` both; these keys have no such bindings
            guard let first, second == nil, let key = tildeKey(first) else { return nil }
            return key
        case 0x5A:  // Z
            return .backTab
        case 0x61: return .up  // rxvt: ESC [ a…d are Shift with an arrow
        case 0x62: return .down
        case 0x63: return .right
        case 0x64: return .left
        default:
            guard let key = letterKey(final) else { return nil }
            // `CSI 1;5D`, or the older `CSI 5D`.
            let modifier = numbers.count == 2 ? second : (first.map { $0 > 1 ? $0 : 1 })
            return modified(key, by: modifier ?? 1)
        }
    }

    private static func tildeKey(_ number: Int) -> Key? {
        switch number {
        case 1, 7: return .home
        case 2: return .insert
        case 3: return .delete
        case 4, 8: return .end
        case 5: return .pageUp
        case 6: return .pageDown
        case 11...15: return .function(number - 10)
        case 17...21: return .function(number - 11)
        case 23, 24: return .function(number - 12)
        // rxvt: Shift-F3 … Shift-F10; Shift has no binding, so the plain key.
        case 25, 26: return .function(number - 22)
        case 28, 29: return .function(number - 23)
        case 31...34: return .function(number - 24)
        default: return nil
        }
    }

    private static func letterKey(_ final: UInt32) -> Key? {
        switch final {
        case 0x41: return .up
        case 0x42: return .down
        case 0x43: return .right
        case 0x44: return .left
        case 0x46: return .end
        case 0x48: return .home
        case 0x50...0x53: return .function(Int(final) - 0x4F)  // P Q R S: F1 … F4
        default: return nil
        }
    }

    /// xterm's modifier parameter: 1 + (Shift 1, Alt 2, Ctrl 4, Meta 8). Combinations the
    /// app has no binding for fall back to the plain key, never to junk.
    private static func modified(_ key: Key, by parameter: Int) -> Key {
        guard (2...16).contains(parameter) else { return key }
        let bits = parameter - 1
        let control = bits & 4 != 0
        let alt = bits & 2 != 0 || bits & 8 != 0
        switch key {
        case .left where control: return .controlLeft
        case .right where control: return .controlRight
        default: return alt && !control ? .alt(key) : key
        }
    }

    /// A key from one character code: Enter, Tab, Ctrl-letter, or the character itself.
    public static func characterKey(_ value: UInt32) -> Key? {
        switch value {
        case 13, 10: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 31: return .control("_")
        case 1...26: return .control(Character(Unicode.Scalar(value + 96)!))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// "ESC [ 9 9 ~": each byte visible, controls as symbols.
    static func name(_ values: [UInt32]) -> String {
        values.map { value -> String in
            if value == escape { return "ESC" }
            guard let scalar = Unicode.Scalar(value) else { return "?" }
            return VisibleText.line(String(scalar))
        }.joined(separator: " ")
    }
}
