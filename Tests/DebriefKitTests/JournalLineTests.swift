@testable import DebriefKit
import Foundation
import PropertyBased
import TestSupport
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
                Event(t: number, .sectionStarted(section: Self.text(other))),
            ]
            for event in events {
                let direct = EventLine.line(event)
                #expect(direct == SessionCoding.line(event, encoder: Self.encoder),
                        "\(String(decoding: direct ?? Data(), as: UTF8.self))")
            }
        }
    }

    @Test func everyOtherEventGoesThroughTheEncoder() {
        #expect(EventLine.line(Event(t: 5, .sectionExtended(section: "a", minutes: 5))) == nil)
        #expect(EventLine.line(Event(t: 5, .noteEdited(id: 1, content: NoteContent(text: "x")))) == nil)
    }

    /// Any header: texts from the alphabet above, every optional field present or not,
    /// time scales integral, fractional, tiny and huge.
    @Test func theHeaderWrittenDirectlyIsTheEncodersLine() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            var random = SeededRandom(seed: UInt64(seed))
            let header = Self.header(&random)
            let direct = HeaderLine.line(header)
            #expect(direct == SessionCoding.line(header, encoder: Self.encoder),
                    "\(String(decoding: direct ?? Data(), as: UTF8.self))")
        }
    }

    /// A field added to the header's types must be written by `HeaderLine` too: the
    /// property test above only sees the fields it sets.
    @Test func theHeaderWrittenDirectlyKnowsEveryFieldOfTheHeadersTypes() {
        let section = AgendaSection(id: "a", title: "A", minutes: 1)
        let agenda = Agenda(name: "n", title: "t", sections: [section], taxonomy: Taxonomy(rootCauses: [], severities: []))
        let header = SessionHeader(agenda: agenda, meeting: MeetingInfo(title: "m", startedAt: "2026-11-23T14:00:00Z"))
        let fields = [Mirror(reflecting: header), Mirror(reflecting: agenda), Mirror(reflecting: section),
                      Mirror(reflecting: agenda.taxonomy), Mirror(reflecting: header.meeting)].map(\.children.count)
        #expect(fields == [5, 5, 7, 2, 7], "HeaderLine writes 5, 5, 7, 2 and 7 fields")
    }

    @Test func aTimeScaleTheEncoderRefusesIsLeftToTheEncoder() {
        let meeting = MeetingInfo(title: "m", startedAt: "2026-11-23T14:00:00Z", timeScale: .infinity)
        #expect(HeaderLine.line(SessionHeader(agenda: Fixtures.influencer, meeting: meeting)) == nil)
    }

    private static func header(_ random: inout SeededRandom) -> SessionHeader {
        func text(_ random: inout SeededRandom) -> String {
            (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
        func maybe(_ random: inout SeededRandom) -> String? { Bool.random(using: &random) ? text(&random) : nil }
        let sections = (0..<Int.random(in: 0...4, using: &random)).map { _ in
            AgendaSection(id: text(&random), title: text(&random), minutes: Int.random(in: 0...10_000, using: &random),
                          kind: SectionKind.allCases.randomElement(using: &random)!,
                          prompts: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(&random) },
                          guidance: maybe(&random),
                          table: Bool.random(using: &random) ? RecordTable.allCases.randomElement(using: &random) : nil)
        }
        let taxonomy = Taxonomy(rootCauses: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(&random) },
                                severities: (0..<Int.random(in: 0...3, using: &random)).map { _ in text(&random) })
        let agenda = Agenda(name: text(&random), title: text(&random), description: maybe(&random), sections: sections,
                            taxonomy: taxonomy)
        let scales: [Double] = [1, 60, 0.5, 2.5, 0.001, 1e-7, 1e20, 123_456.789, 0.1 + 0.2,
                                Double(Int.random(in: 1...1_000_000, using: &random)) / Double(Int.random(in: 1...1000, using: &random))]
        let meeting = MeetingInfo(title: text(&random), client: maybe(&random), campaign: maybe(&random),
                                  facilitator: maybe(&random), noteTaker: maybe(&random), startedAt: text(&random),
                                  timeScale: scales.randomElement(using: &random)!)
        return SessionHeader(agenda: agenda, meeting: meeting)
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
