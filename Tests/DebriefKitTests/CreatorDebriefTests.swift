import DebriefKit
import Foundation
import PropertyBased
import Testing

/// A creator's debrief: their own numbers and pieces, and only the notes marked for them.
@Suite("Exports: one creator's debrief")
struct CreatorDebriefTests {
    let header = ExportFixtures.header
    let state = ExportFixtures.state

    func debrief(_ handle: String) throws -> String {
        try #require(CreatorDebriefWriter.markdown(header: header, state: state, handle: handle, timeZone: ExportFixtures.zone))
    }

    @Test func theirNumbersAgainstTheirOrganicRateAndTheCampaignMedian() throws {
        let maya = try debrief("maya_eats")
        #expect(maya.hasPrefix("# Campaign debrief for @maya\\_eats\n"))
        #expect(maya.contains("| Engagement rate on the sponsored post | 5.2% | 5.2% |"), "median of 5.2, 2.1, 6.4")
        #expect(maya.contains("| Your usual (organic) engagement rate | 3.9% | — |"))
        #expect(maya.contains("| Lift over your organic rate | +33.3% |"))
        #expect(maya.contains("Followers at campaign time: 48,200 · Platform: Instagram · Format: reel"))
        #expect(maya.contains("- **Morning routine reel** (reel): 6.1% engagement rate · 12,400 views · 420 clicks · 31 conversions, among the campaign's top 3 by engagement rate"))
        #expect(maya.contains("  - Hook: I tried this for 30 days"))
    }

    @Test func onlyNotesMarkedForThemAndNothingOfAnotherCreator() throws {
        let maya = try debrief("@MAYA_EATS")
        #expect(maya.contains("the 30-day hook carried the launch"), "client-visible and names only her")
        #expect(!maya.contains("higher fee"), "internal note")
        #expect(!maya.contains("both posted on time"), "names another creator")
        let nina = try debrief("nina.cooks")
        #expect(!nina.contains("maya"), "a comment naming another creator is left out")
        #expect(nina.contains("The lift is not given: the organic ER is 0"))
        let leo = try debrief("leo.fit")
        #expect(!leo.contains("88k views"), "a win is not for a creator unless marked client-visible")
        for text in [maya, nina, leo] {
            for secret in ["€1,800", "€6,500", "€400", "Rating", "rating", "Tracking links", "Maria", "critical"] {
                #expect(!text.contains(secret), "\(secret) in a creator debrief")
            }
        }
        #expect(CreatorDebriefWriter.markdown(header: header, state: state, handle: "nobody") == nil)
    }

    @Test func aNoteNamesAHandleAsAWholeWord() {
        var script = MeetingScript(agenda: Fixtures.influencer)
        script.start("performance")
        script.record(.recordAdded(id: 1, table: .creators, fields: ["handle": .text("maya")]))
        script.record(.recordAdded(id: 2, table: .creators, fields: ["handle": .text("maya.eats")]))
        for text in ["Thanks maya.", "@Maya nailed it", "mayan calendar", "maya_x did it", "@maya.eats did it"] {
            script.note(text, in: "worked")
            script.record(.noteVisibility(id: script.state.highestNoteID, clientVisible: true))
        }
        let policy = CreatorVisibility(handle: "maya", in: script.state)
        #expect(policy?.notes(in: script.state).map(\.text) == ["Thanks maya.", "@Maya nailed it"])
        let other = CreatorVisibility(handle: "@maya.eats", in: script.state)
        #expect(other?.notes(in: script.state).map(\.text) == ["@maya.eats did it"])
    }

    @Test func aNoteThatPointsAtOneOfTheirPiecesIsForThem() {
        var script = MeetingScript(agenda: Fixtures.influencer)
        script.start("performance")
        script.record(.recordAdded(id: 1, table: .creators, fields: ["handle": .text("@maya")]))
        script.record(.recordAdded(id: 2, table: .creators, fields: ["handle": .text("@leo")]))
        script.record(.recordAdded(id: 3, table: .content, fields: ["piece": .text("Reel"), "creator": .text("@maya")]))
        script.record(.recordAdded(id: 4, table: .content, fields: ["piece": .text("Video"), "creator": .text("@leo")]))
        for text in ["#c1 hook worked", "#C2 came late", "#c1 beat #c2", "#c12 is nobody's", "x#c1 is not a mention"] {
            script.note(text, in: "content")
            script.record(.noteVisibility(id: script.state.highestNoteID, clientVisible: true))
        }
        #expect(CreatorVisibility(handle: "maya", in: script.state)?.notes(in: script.state).map(\.text) == ["#c1 hook worked"])
        #expect(CreatorVisibility(handle: "leo", in: script.state)?.notes(in: script.state).map(\.text) == ["#C2 came late"])
    }

    /// Over random campaigns: a creator's debrief never holds another creator's handle or a
    /// figure only another creator has, and never a note that is not marked for them.
    @Test func neverAnotherCreatorsHandleOrFigures() async {
        await propertyCheck(count: 150, input: Gen.uint64()) { seed in
            var rng = Xoshiro(seed: (seed, seed &* 31 &+ 7, 0x9E37_79B9_7F4A_7C15, seed ^ 0xDEAD_BEEF))
            var script = MeetingScript(agenda: Fixtures.influencer)
            script.start("performance")
            let count = Int.random(in: 1...6, using: &rng)
            let handles = (0..<count).map { "@cr\(["qa", "qb", "qc", "qd", "qe", "qf"][$0])zx" }
            var id = 0
            for handle in handles {
                id += 1
                var fields: [String: FieldValue] = ["handle": .text(handle)]
                // Distinctive figures: five or more digits, so they cannot hide in a date or a rank.
                for key in ["followers", "clicks", "conversions", "fee"] where Bool.random(using: &rng) {
                    fields[key] = .number(Double(Int.random(in: 10_000...9_999_999, using: &rng)))
                }
                for key in ["sponsored_er", "organic_er"] where Bool.random(using: &rng) {
                    fields[key] = .number(Double(Int.random(in: 101...999, using: &rng)) / 10)
                }
                if Bool.random(using: &rng) { fields["format"] = .text("collab with \(handles.randomElement(using: &rng)!)") }
                script.record(.recordAdded(id: id, table: .creators, fields: fields))
                for _ in 0..<Int.random(in: 0...2, using: &rng) {
                    id += 1
                    let by = Bool.random(using: &rng) ? handle : handles.randomElement(using: &rng)!
                    script.record(.recordAdded(id: id, table: .content, fields: [
                        "piece": .text("piece\(id)zq"), "creator": .text(by),
                        "views": .number(Double(Int.random(in: 10_000...9_999_999, using: &rng))),
                        "comments": .text("like \(handles.randomElement(using: &rng)!)")]))
                }
            }
            var noteTexts: [String: (handles: [String], visible: Bool?)] = [:]
            for n in 0..<Int.random(in: 0...8, using: &rng) {
                let named = (0..<Int.random(in: 0...2, using: &rng)).map { _ in handles.randomElement(using: &rng)! }
                let text = "note\(n)zq " + named.joined(separator: " ")
                let kind = NoteKind.allCases.randomElement(using: &rng)!
                script.record(.noteAdded(id: n + 1, section: "worked", content: NoteContent(kind: kind, text: text)))
                let visible: Bool? = [true, false, nil].randomElement(using: &rng)!
                if let visible { script.record(.noteVisibility(id: n + 1, clientVisible: visible)) }
                noteTexts[text] = (Array(Set(named)), kind == .question ? false : visible)
            }
            let state = script.state
            for (index, handle) in handles.enumerated() {
                guard let output = CreatorDebriefWriter.markdown(header: ExportFixtures.header, state: state, handle: handle) else {
                    Issue.record("no debrief for \(handle)")
                    continue
                }
                let plain = output.replacingOccurrences(of: "\\", with: "")
                for other in handles where other != handle {
                    #expect(!plain.contains(other), "\(other) in \(handle)'s debrief (seed \(seed))")
                }
                let own = state.records(in: .creators)[index]
                let creators = state.records(in: .creators)
                let ownPieces = state.records(in: .content).filter { $0.text("creator") == handle }
                let allowed = Set(own.fields.values.compactMap(\.number) + ownPieces.flatMap { $0.fields.values.compactMap(\.number) })
                // The numbers table: "You" is exactly their own figure; a median only over three or more.
                let rows: [(String, String, Int)] = [
                    ("Engagement rate on the sponsored post", RecordText.field(own, "sponsored_er"), creators.filter { $0["sponsored_er"] != nil }.count),
                    ("Lift over your organic rate", RecordText.change(CreatorMeasures(own).lift), creators.filter { CreatorMeasures($0).lift.value != nil }.count),
                    ("Link clicks", RecordText.field(own, "clicks"), creators.filter { $0["clicks"] != nil }.count),
                    ("Conversions", RecordText.field(own, "conversions"), creators.filter { $0["conversions"] != nil }.count),
                ]
                var prose: [Substring] = []
                for line in plain.split(separator: "\n") {
                    let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                    guard line.hasPrefix("| "), let row = rows.first(where: { $0.0 == cells.first }) else {
                        prose.append(line)
                        continue
                    }
                    #expect(cells[1] == row.1, "\(row.0): \(cells[1]) is not \(handle)'s own (seed \(seed))")
                    if row.2 < CreatorDebriefWriter.medianMinimum {
                        #expect(cells[2] == NumberText.missing, "\(row.0): a median over \(row.2) creators (seed \(seed))")
                    }
                }
                let text = prose.joined(separator: "\n")
                for other in creators where other.name != handle {
                    for case let (key, .number(x)) in other.fields where !allowed.contains(x) {
                        let shown = key.hasSuffix("_er") ? NumberText.percent(x) : NumberText.grouped(x)
                        #expect(!text.contains(shown), "\(other.name)'s \(key) \(shown) in \(handle)'s debrief (seed \(seed))")
                    }
                }
                for (text, note) in noteTexts {
                    let forThem = note.visible == true && note.handles == [handle]
                    #expect(plain.contains(text) == forThem, "note '\(text)' (seed \(seed))")
                }
            }
        }
    }
}
