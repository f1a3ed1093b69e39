import DebriefTUI
import Testing

/// A key's bytes read by Debrief itself are matched as curses would match them: against a
/// terminfo table, waiting for a next byte only while the bytes so far begin a key.
@Suite("Key sequences matched as curses matches them")
struct KeySequenceMatchTests {
    static let up: Int32 = 259, backspace: Int32 = 263, pasteStart: Int32 = 1001
    /// A table as `key_defined` answers it: ESC [ A and ESC O A are Up, ESC [ 200 ~ opens a
    /// paste, DEL is Backspace.
    static let table: [[UInt8]: Int32] = [
        Array("\u{1B}[A".utf8): up, Array("\u{1B}OA".utf8): up,
        Array("\u{1B}[200~".utf8): pasteStart, [0x7F]: backspace,
    ]

    static func lookUp(_ sequence: [UInt8]) -> Int32 {
        if let code = table[sequence] { return code }
        return table.keys.contains { $0.count > sequence.count && Array($0.prefix(sequence.count)) == sequence } ? -1 : 0
    }

    /// Matches `bytes` (their first byte begins a key); returns the key, the bytes to read
    /// again, and how many bytes were asked for.
    static func match(_ text: String) -> (key: Int32?, unread: String, asked: Int) {
        var rest = Array(text.utf8).dropFirst()
        var asked = 0
        let (key, unread) = KeySequenceMatch.match(first: Array(text.utf8)[0], lookUp: lookUp) {
            asked += 1
            return rest.popFirst()
        }
        return (key, String(decoding: unread, as: UTF8.self), asked)
    }

    @Test func aWholeSequenceIsItsKeyAndNothingAfterItIsRead() {
        #expect(Self.match("\u{1B}[Axyz") == (Self.up, "", 2))
        #expect(Self.match("\u{1B}OA") == (Self.up, "", 2))
        #expect(Self.match("\u{1B}[200~pasted") == (Self.pasteStart, "", 5))
    }

    @Test func aOneByteKeyWaitsForNothing() {
        #expect(Self.match("\u{7F}abc") == (Self.backspace, "", 0))
    }

    @Test func bytesThatSpellNoKeyAreReadAgainFromTheSecond() {
        // Alt-x: ESC, then the x to read again.
        #expect(Self.match("\u{1B}x") == (nil, "x", 1))
        // A sequence the table does not list: what was read up to where it left the table.
        #expect(Self.match("\u{1B}[99~") == (nil, "[9", 2))
        // ESC ESC [ A (Alt-Up on rxvt): the second ESC begins Up again.
        #expect(Self.match("\u{1B}\u{1B}[A") == (nil, "\u{1B}", 1))
    }

    @Test func aLoneEscapeIsItselfWhenNothingFollowsInTime() {
        #expect(Self.match("\u{1B}") == (nil, "", 1))
        #expect(Self.match("\u{1B}[") == (nil, "[", 2))
    }

    @Test func aNULIsInNoKey() {
        #expect(Self.match("\u{1B}\u{0}A") == (nil, "\u{0}", 1))
    }
}
