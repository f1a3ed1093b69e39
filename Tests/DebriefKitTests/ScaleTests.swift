@testable import DebriefKit
import Foundation
import Testing

/// The fast paths the benchmarks led to must give the same answers as the slow ones.
@Suite("Core at scale")
struct ScaleTests {
    @Test func notesAreFoundByIdInLongMeetingsWithIdsOutOfOrder() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        // Ids as a hostile or merged file might hold them: not in capture order.
        let ids = Array(stride(from: 2_000, through: 2, by: -2)) + Array(stride(from: 1, through: 1_999, by: 2))
        for id in ids { script.record(.noteAdded(id: id, section: "a", content: NoteContent(text: "note \(id)"))) }
        script.record(.noteAdded(id: 7, section: "a", content: NoteContent(text: "a second note 7")))
        script.record(.noteEdited(id: 1_001, content: NoteContent(text: "edited")))
        script.record(.noteRemoved(id: 2))
        script.record(.noteTagged(id: 1_999, rootCause: "tools", severity: "minor"))
        let state = script.state
        #expect(state.notes.count == 2_000)
        #expect(state.note(id: 7)?.text == "note 7")
        #expect(state.note(id: 1_001)?.text == "edited")
        #expect(state.note(id: 2)?.isRemoved == true)
        #expect(state.note(id: 1_999)?.isTagged == true)
        #expect(state.note(id: 2_001) == nil)
        #expect(state.notes.filter { $0.text == "edited" }.map(\.id) == [1_001])
    }

    @Test(arguments: ["", "\n", "one", "one\n", "one\ntwo", "one\n\ntwo\n", "\n\n", "{\"a\":1}\n{\"b\":2}\n"])
    func linesSplitLikeSplitKeepingEmptyLines(_ text: String) {
        let data = Data(text.utf8)
        let expected = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Data($0) }
        #expect(JSONLines.lines(in: data).map { Data($0) } == expected)
        // A slice of a larger buffer does not start at index 0.
        let padded = Data(("xx" + text).utf8).dropFirst(2)
        #expect(JSONLines.lines(in: padded).map { Data($0) } == expected)
    }

    @Test func asciiWidthsMatchTheirMeaning() {
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of(Character("~")) == 1)
        #expect(DisplayWidth.of(Character("\t")) == 0)
        #expect(DisplayWidth.of(Character("\u{7F}")) == 0)
        #expect(DisplayWidth.of(Character("\r\n")) == 0)
        #expect(DisplayWidth.of("a\u{1B}b") == 2)
        #expect(DisplayWidth.of("plain words") == 11)
        #expect(DisplayWidth.of("Zoë ─ █ 日") == 10)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of(Character("1\u{FE0F}\u{20E3}")) == 2)
    }
}
