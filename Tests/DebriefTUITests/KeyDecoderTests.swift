import DebriefTUI
import Testing

/// The escape-sequence decoder over byte streams: what real terminals send for each key,
/// whole and split across reads at every position, and what must never become typed text.
@Suite("Key decoder")
struct KeyDecoderTests {
    typealias Output = KeyDecoder.Output

    /// Feeds `text` a scalar at a time, then a pause (nothing more comes in time).
    static func decode(_ text: String) -> [Output] {
        var decoder = KeyDecoder()
        var outputs: [Output] = []
        for scalar in text.unicodeScalars { outputs += decoder.feed(scalar.value) }
        return outputs + decoder.timeOut()
    }

    static func keys(_ keys: Key...) -> [Output] { keys.map { .key($0) } }

    static let esc = "\u{1B}"

    /// Every form this decoder knows, with the key it must give.
    static let forms: [(String, Key)] = [
        // CSI ~ keys, vt100/xterm and rxvt spellings
        ("[1~", .home), ("[7~", .home), ("[4~", .end), ("[8~", .end), ("[2~", .insert), ("[3~", .delete),
        ("[5~", .pageUp), ("[6~", .pageDown),
        ("[11~", .function(1)), ("[12~", .function(2)), ("[13~", .function(3)), ("[14~", .function(4)),
        ("[15~", .function(5)), ("[17~", .function(6)), ("[18~", .function(7)), ("[19~", .function(8)),
        ("[20~", .function(9)), ("[21~", .function(10)), ("[23~", .function(11)), ("[24~", .function(12)),
        // with xterm modifiers: Shift and Ctrl have no binding on these keys, Alt does
        ("[3;5~", .delete), ("[6;2~", .pageDown), ("[5;3~", .alt(.pageUp)), ("[21;2~", .function(10)),
        // CSI and SS3 letters
        ("[A", .up), ("[B", .down), ("[C", .right), ("[D", .left), ("[H", .home), ("[F", .end),
        ("OA", .up), ("OB", .down), ("OC", .right), ("OD", .left), ("OH", .home), ("OF", .end),
        ("OP", .function(1)), ("OQ", .function(2)), ("OR", .function(3)), ("OS", .function(4)),
        ("[1;2P", .function(1)), ("[P", .function(1)), ("[S", .function(4)),
        // xterm modifiers on arrows: Ctrl, Alt; Shift and odd combinations fall back
        ("[1;5D", .controlLeft), ("[1;5C", .controlRight), ("[1;3D", .alt(.left)), ("[1;3C", .alt(.right)),
        ("[1;2D", .left), ("[1;6C", .controlRight), ("[1;5A", .up), ("[1;3A", .alt(.up)),
        ("[1;99D", .left), ("[5D", .controlLeft), ("O5D", .controlLeft), ("O1;5C", .controlRight),
        ("[1;5H", .home), ("[1;2F", .end),
        // rxvt: $ Shift, ^ Ctrl, @ both; ESC O a…d Ctrl-arrows; ESC [ a…d Shift-arrows
        ("[7$", .home), ("[8^", .end), ("[7@", .home), ("[3$", .delete), ("[5^", .pageUp), ("[11^", .function(1)),
        ("[25~", .function(3)), ("[34~", .function(10)),
        ("Od", .controlLeft), ("Oc", .controlRight), ("Oa", .up), ("Ob", .down),
        ("[d", .left), ("[c", .right), ("[a", .up), ("[b", .down),
        // Linux console F1–F5
        ("[[A", .function(1)), ("[[B", .function(2)), ("[[C", .function(3)), ("[[D", .function(4)), ("[[E", .function(5)),
        // others
        ("[Z", .backTab), ("OM", .enter),
        // Alt as an ESC prefix
        ("\r", .alt(.enter)), ("\n", .alt(.enter)), ("b", .alt(.character("b"))), ("\u{7F}", .alt(.backspace)),
        ("\u{1B}[D", .alt(.left)), ("\u{1B}[1~", .alt(.home)), ("\u{1B}OC", .alt(.right)),
    ]

    @Test func everyKnownFormDecodesToItsKeyWithNothingTyped() {
        for (form, key) in Self.forms {
            #expect(Self.decode(Self.esc + form) == [.key(key)], "ESC \(form.debugDescription)")
        }
    }

    @Test func aSequenceSplitAcrossReadsAtEveryByteDecodesTheSame() {
        // Between reads the decoder keeps its state; a split read is not a pause.
        for (form, key) in Self.forms {
            let scalars = Array((Self.esc + form).unicodeScalars)
            for cut in 1..<scalars.count {
                var decoder = KeyDecoder()
                var outputs: [Output] = []
                for scalar in scalars[..<cut] { outputs += decoder.feed(scalar.value) }
                #expect(outputs.isEmpty, "nothing decided before the sequence ends: ESC \(form.debugDescription) cut at \(cut)")
                for scalar in scalars[cut...] { outputs += decoder.feed(scalar.value) }
                outputs += decoder.timeOut()
                #expect(outputs == [.key(key)], "ESC \(form.debugDescription) cut at \(cut)")
            }
        }
    }

    @Test func homeAndEndAroundTypedTextNeverTypeDigitsOrTildes() {
        let stream = "abc def" + Self.esc + "[1~X" + Self.esc + "[4~Y"
        #expect(Self.decode(stream) == "abc def".map { .key(.character($0)) }
            + [.key(.home), .key(.character("X")), .key(.end), .key(.character("Y"))])
    }

    @Test func anUnknownSequenceIsSwallowedWholeAndNamed() {
        #expect(Self.decode(Self.esc + "[99~x") == [.unknown("ESC [ 9 9 ~"), .key(.character("x"))])
        #expect(Self.decode(Self.esc + "[?1;2c") == [.unknown("ESC [ ? 1 ; 2 c")])
        #expect(Self.decode(Self.esc + "[1;5X") == [.unknown("ESC [ 1 ; 5 X")])
        #expect(Self.decode(Self.esc + "Oz") == [.unknown("ESC O z")])
        #expect(Self.decode(Self.esc + "[[Zq") == [.unknown("ESC [ [ Z"), .key(.character("q"))])
        // A very long one is swallowed to its final byte too.
        let long = Self.esc + "[" + String(repeating: "1;", count: 100) + "~ok"
        let outputs = Self.decode(long)
        #expect(outputs.count == 3)
        #expect(outputs.dropFirst() == [.key(.character("o")), .key(.character("k"))])
    }

    @Test func aSequenceBrokenOffByAControlCharacterIsNamedAndTheCharacterCounts() {
        #expect(Self.decode(Self.esc + "[1\r") == [.unknown("ESC [ 1"), .key(.enter)])
        #expect(Self.decode(Self.esc + "[1" + Self.esc + "[4~") == [.unknown("ESC [ 1"), .key(.end)])
    }

    @Test func anUnfinishedSequenceIsSwallowedWhenNothingMoreComes() {
        #expect(Self.decode(Self.esc + "[1;5") == [.unknown("ESC [ 1 ; 5")])
        #expect(Self.decode(Self.esc + "[[") == [.unknown("ESC [ [")])
    }

    @Test func aLoneEscIsEscOnlyWhenNothingFollowsInTime() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(0x1B).isEmpty)
        #expect(decoder.holdsOnlyEscape)
        #expect(decoder.timeOut() == [.key(.escape)])
        #expect(!decoder.isInsideSequence)
        #expect(Self.decode(Self.esc + Self.esc) == [.key(.escape), .key(.escape)])
        #expect(Self.decode(Self.esc + "[") == [.key(.alt(.character("[")))])
    }

    @Test func altLettersAndAltEnter() {
        #expect(Self.decode(Self.esc + "f" + Self.esc + "b") == Self.keys(.alt(.character("f")), .alt(.character("b"))))
        #expect(Self.decode("one" + Self.esc + "\rtwo") == "one".map { .key(.character($0)) } + [.key(.alt(.enter))] + "two".map { .key(.character($0)) })
        #expect(Self.decode(Self.esc + "é") == Self.keys(.alt(.character("é"))))
    }

    @Test func aKeyNcursesDecodedAfterAnEscIsAltThatKey() {
        var decoder = KeyDecoder()
        _ = decoder.feed(0x1B)
        #expect(decoder.feed(key: .left) == [.key(.alt(.left))])
        _ = decoder.feed(0x1B)
        _ = decoder.feed(0x5B)
        #expect(decoder.feed(key: .up) == [.unknown("ESC ["), .key(.up)])
    }

    @Test func pasteMarkersAreRecognised() {
        #expect(Self.decode(Self.esc + "[200~") == [.pasteStart])
        #expect(Self.decode(Self.esc + "[201~") == [.pasteEnd])
    }

    @Test func plainCharactersAndControlKeys() {
        #expect(Self.decode("a\t\r\u{7F}\u{17}") == Self.keys(.character("a"), .tab, .enter, .backspace, .control("w")))
    }
}
