import Foundation
@testable import DebriefKit
import Testing

@Suite("Untrusted text and display width")
struct TextTests {
    @Test func controlCharactersBecomeVisibleSymbols() {
        #expect(VisibleText.line("a\u{1B}[2Jb") == "a^[[2Jb")
        #expect(VisibleText.line("\u{7}\u{8}\n\u{7F}") == "^G^H^J^?")
        #expect(VisibleText.line("x\u{9B}31m") == "x\\u009B31m")
        #expect(VisibleText.line("\u{1B}]52;c;aGVsbG8=\u{7}") == "^[]52;c;aGVsbG8=^G")
        #expect(VisibleText.line("admin\u{202E}txt.exe") == "admin\\u202Etxt.exe")
        #expect(VisibleText.line("zero\u{200B}width") == "zero\\u200Bwidth")
    }

    /// The symbols answered without Unicode lookups (bullets, arrows, rules, ● ▶) are one
    /// column by the lookups too, every one of them.
    @Test func symbolsAnsweredWithoutLookupsAreOneColumnByTheLookups() {
        var checked = 0
        for value in UInt32(0xA0)..<0x2600 where DisplayWidth.isPlainNarrow(value) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(DisplayWidth.measured(Character(scalar).unicodeScalars, first: scalar) == 1, "U+\(String(value, radix: 16))")
            checked += 1
        }
        #expect(checked > 900)
        #expect(DisplayWidth.of("◽") == 2 && DisplayWidth.of("●") == 1 && DisplayWidth.of("•") == 1 && DisplayWidth.of("→") == 1)
    }

    /// A plain cell is a printable ASCII character or a plain narrow symbol that is not an
    /// invisible format character: the shortcut past the look-up for arrows, rules and
    /// shapes keeps every one of them as the definition says (U+2028, U+202E, U+00AD out).
    @Test func plainCellsAreTheSafeNarrowSymbols() {
        for value in UInt32(0)..<0x2700 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let definition = (value >= 0x20 && value < 0x7F) || (DisplayWidth.isPlainNarrow(value) && !VisibleText.isUnsafe(scalar))
            #expect(DisplayWidth.isPlainCell(scalar) == definition, "U+\(String(value, radix: 16))")
        }
        #expect(!DisplayWidth.isPlainCell("\u{2028}") && !DisplayWidth.isPlainCell("\u{202E}") && !DisplayWidth.isPlainCell("\u{AD}"))
        #expect(DisplayWidth.isPlainCell("─") && DisplayWidth.isPlainCell("é") && DisplayWidth.isPlainCell("▶"))
    }

    @Test func ordinaryTextAndEmojiSequencesAreUntouched() {
        let text = "Café 日本 👨‍👩‍👧 ❤️ 👍🏽 🇫🇷"
        #expect(VisibleText.line(text) == text)
        #expect(VisibleText.lines("one\ntwo\tthree") == "one\ntwo    three")
    }

    @Test func widthIsMeasuredPerGraphemeCluster() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("🇫🇷") == 2)
        #expect(DisplayWidth.of("é") == 1)
        #expect(DisplayWidth.of("e\u{301}") == 1)
    }

    @Test func notePrefixesSetTheKind() {
        #expect(NoteParser.parse("! brief late").content == NoteContent(kind: .problem, text: "brief late"))
        #expect(NoteParser.parse("+great hooks").content == NoteContent(kind: .win, text: "great hooks"))
        #expect(NoteParser.parse(">  checklist").content == NoteContent(kind: .action, text: "checklist"))
        #expect(NoteParser.parse("?who owns tracking").content == NoteContent(kind: .question, text: "who owns tracking"))
        #expect(NoteParser.parse("  plain note ").content == NoteContent(kind: .note, text: "plain note"))
    }
}

@Suite("Standard streams")
struct StandardStreamsTests {
    @Test func aFailedWriteReportsFalseInsteadOfCrashing() {
        // A closed terminal or descriptor: Foundation's FileHandle.write would trap here.
        #expect(StandardStreams.write("lost", to: -1) == false)
    }

    @Test func everythingReachesAPipe() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]) }
        let text = String(repeating: "Meeting ended. ", count: 1000)
        #expect(StandardStreams.write(text, to: descriptors[1]))
        close(descriptors[1])
        let read = FileHandle(fileDescriptor: descriptors[0]).readDataToEndOfFile()
        #expect(String(decoding: read, as: UTF8.self) == text)
    }
}
