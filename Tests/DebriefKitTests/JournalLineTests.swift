@testable import DebriefKit
import Foundation
import PropertyBased
import Testing

/// Lines the journal writes without JSONEncoder (a note, the draft, the alive mark) are
/// the encoder's bytes exactly: the session file is a public format, and a reader, a diff
/// or a golden file must not tell which way a line was written.
@Suite("Journal lines written directly are the encoder's lines")
struct JournalLineTests {
    /// Characters that need escaping or are easy to get wrong: every control character,
    /// quote, backslash, slash, DEL, C1 controls, line separators, a BOM, combining marks,
    /// wide and astral characters.
    static let alphabet: [String] = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        + ["\"", "\\", "/", "\u{7F}", "\u{80}", "\u{85}", "\u{9B}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{FEFF}",
           "e\u{301}", "日", "👍", "👩‍👩‍👧", "a", "Z", "0", " ", "#", "@", "{", "}", ":", ","]

    static func text(_ picks: [Int]) -> String { picks.map { alphabet[$0] }.joined() }

    static let encoder = SessionCoding.makeEncoder()

    @Test func notesAndDraftsWrittenDirectlyAreTheEncodersBytes() async {
        let picks = Gen.int(in: 0...(Self.alphabet.count - 1)).array(of: 0...30)
        await propertyCheck(count: 300, input: picks, picks, picks, Gen.int(in: 0...3), Gen.int(in: -5...Int.max)) {
            text, other, third, shape, number in
            let kind = NoteKind.allCases[number % NoteKind.allCases.count]
            let events = [
                Event(t: number, .noteAdded(id: number / 3, section: Self.text(other), content: NoteContent(
                    kind: kind, text: Self.text(text), owner: shape & 1 == 0 ? nil : Self.text(third),
                    due: shape & 2 == 0 ? nil : "2026-12-0\(shape)"))),
                Event(t: number, .draftChanged(text: Self.text(text), section: shape & 1 == 0 ? nil : Self.text(other),
                                               terminal: shape & 2 == 0 ? nil : Self.text(third))),
            ]
            for event in events {
                let direct = EventLine.line(event)
                #expect(direct == SessionCoding.line(event, encoder: Self.encoder),
                        "\(String(decoding: direct ?? Data(), as: UTF8.self))")
            }
        }
    }

    @Test func everyOtherEventGoesThroughTheEncoder() {
        #expect(EventLine.line(Event(t: 5, .sectionStarted(section: "a"))) == nil)
        #expect(EventLine.line(Event(t: 5, .noteEdited(id: 1, content: NoteContent(text: "x")))) == nil)
    }

    @Test(arguments: [0, 1, 4_999, 5_000, 123_456_789, Int.max, -1])
    func theAliveMarkIsTheEncodersLine(t: Int) {
        #expect(AliveMark(t: t).line == SessionCoding.line(AliveMark(t: t), encoder: Self.encoder))
    }

    @Test func aJournalWithDirectLinesReadsBackEqual() throws {
        let folder = Fixtures.temporaryFolder()
        let header = SessionHeader(agenda: Fixtures.influencer, meeting: MeetingInfo(title: "Spring", startedAt: "2026-11-23T14:00:00Z"))
        let url = folder.appendingPathComponent("m.journal.jsonl")
        let journal = try Journal(creating: url, header: header)
        let section = Fixtures.influencer.sections[0].id
        let events = [
            Event(t: 0, .sectionStarted(section: section)),
            Event(t: 10, .draftChanged(text: "Reach \"1.2M\"\tvs\\1M/goal\u{1}", section: section, terminal: nil)),
            Event(t: 20, .noteAdded(id: 1, section: section, content: NoteContent(kind: .action, text: "Fix links 👍",
                                                                                 owner: "li", due: "2026-12-01"))),
        ]
        for event in events { try journal.append(event) }
        try journal.markAlive(at: 30)
        let read = try SessionReader.read(url)
        #expect(read.events == events)
    }
}
