import DebriefKit
import PropertyBased
import Testing

/// The client version's promise, over random meetings with people named inside texts: no
/// internal text, no raw problem, no vague or unmarked action and no person's name reaches it.
@Suite("Client export: nothing internal leaks")
struct ClientExportPropertyTests {
    /// The rule, stated independently of `ClientVisibility`: whether a note has a place in
    /// the client version, and the words it would go out with.
    private func goesOut(_ note: Note, agenda: Agenda) -> String? {
        guard !note.isRemoved, note.clientVisible != false else { return nil }
        let words = { (text: String) in text.split(separator: " ").count }
        if note.isLearning {
            let text = note.learningText ?? note.text
            switch note.kind {
            case .action: return words(text) >= 4 ? text : nil   // random texts never open with a vague verb
            case .problem: return note.learningText
            default: return text
            }
        }
        switch note.kind {
        case .note: return note.clientVisible == true || agenda.sections[note.section].kind == .metrics ? note.text : nil
        case .win: return note.text
        case .action: return note.clientVisible == true && words(note.text) >= 4 ? note.text : nil
        case .problem, .question: return nil
        }
    }

    @Test func noInternalTextOrNameReachesTheClientExport() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            let session = RandomSession(seed: seed)
            let state = session.state
            let owners = Set(state.notes.compactMap(\.content.owner))
            let known = owners.union(["facilitatorzq", "takerzq"])
            let candidates = state.notes.compactMap { goesOut($0, agenda: RandomSession.agenda) }
            for withOwners in [false, true] {
                let output = ClientBriefWriter.markdown(header: RandomSession.header, state: state, withOwners: withOwners)
                let lowered = output.lowercased()
                let naming = { (text: String) in
                    text.split(separator: " ").contains { $0.hasPrefix("@") || known.contains($0.lowercased()) }
                }
                let shared = candidates.filter { withOwners || !naming($0) }
                let sharedTokens = Set(shared.flatMap { $0.split(separator: " ").map(String.init) })
                for token in session.textTokens where !sharedTokens.contains(token) {
                    #expect(!output.contains(token), "internal, superseded or held-back text \(token) leaked (seed \(seed))")
                }
                for text in shared {
                    #expect(output.contains(text), "shared text \(text) is missing (seed \(seed), withOwners \(withOwners))")
                }
                if !withOwners {
                    for name in session.nameTokens.union(owners) where name.hasPrefix("@") || known.contains(name) {
                        #expect(!lowered.contains(name.lowercased()), "\(name) leaked (seed \(seed))")
                    }
                }
                for secret in session.draftTokens.union(["causezqa", "causezqb", "sevzqa", "sevzqb"]) {
                    #expect(!output.contains(secret), "\(secret) leaked (seed \(seed))")
                }
            }
        }
    }

    /// The results carry the KPI table and the best pieces: a piece's creator only with
    /// `--with-owners`, and a KPI or piece whose name names a person not at all without it.
    @Test func noCreatorOrPersonReachesTheClientResultsFromTheTables() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            let session = RandomSession(seed: seed, withRows: true)
            let state = session.state
            let output = ClientBriefWriter.markdown(header: RandomSession.header, state: state, withOwners: false)
            let lowered = output.lowercased()
            for creator in session.creatorTokens {
                #expect(!lowered.contains(creator.lowercased()), "creator \(creator) leaked (seed \(seed))")
            }
            // The people the meeting knows: an owner never recorded (an edit of no note) is no one's name.
            let known = Set(state.notes.compactMap(\.content.owner)).union(["facilitatorzq", "takerzq"])
            for name in session.nameTokens where name.hasPrefix("@") || known.contains(name) {
                #expect(!lowered.contains(name.lowercased()), "\(name) leaked (seed \(seed))")
            }
            // Rows that name nobody still go out: the results are not emptied to be safe; the
            // ones held back are listed for the person exporting.
            let naming = { (text: String) in text.split(separator: " ").contains { $0.hasPrefix("@") || known.contains(String($0)) } }
            let listed = Set(ClientBriefWriter.plan(header: RandomSession.header, state: state).resultsNamingPeople.map(\.text))
            for kpi in state.records(in: .kpis) {
                if naming(kpi.name) {
                    #expect(listed.contains(kpi.name), "KPI \(kpi.name) held back but not listed (seed \(seed))")
                } else {
                    #expect(output.contains(kpi.name), "KPI \(kpi.name) is missing (seed \(seed))")
                }
            }
        }
    }

    @Test func aPiecesCreatorGoesOutOnlyWithOwners() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.record(.recordAdded(id: 1, table: .content, fields: ["piece": .text("Unboxing reel"), "creator": .text("@lena.cooks"),
                                                                   "er": .number(4.2)]))
        script.record(.recordAdded(id: 2, table: .content, fields: ["piece": .text("Lena's kitchen tour"), "creator": .text("lena"),
                                                                   "er": .number(3.1)]))
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "T", startedAt: "2026-11-23T14:00:00Z"))
        let client = ClientBriefWriter.markdown(header: header, state: script.state)
        #expect(client.contains("**Unboxing reel**: 4.2% engagement rate"))
        #expect(!client.lowercased().contains("lena"), "neither the handle nor a piece named after her")
        #expect(ClientBriefWriter.plan(header: header, state: script.state).resultsNamingPeople.map(\.text) == ["Lena's kitchen tour"])
        let owners = ClientBriefWriter.markdown(header: header, state: script.state, withOwners: true)
        #expect(owners.contains("**Unboxing reel** by @lena.cooks"))
        #expect(owners.contains("Lena's kitchen tour"))
    }

    @Test func marksDuringCaptureOverrideTheKindsDefault() {
        var script = MeetingScript(agenda: Fixtures.small)
        script.start("a")
        script.note("kpi shared on purpose", in: "a")
        script.record(.noteVisibility(id: 1, clientVisible: true))
        script.note("a raw discussion note", in: "a")
        script.note("a win kept internal", kind: .win, in: "a")
        script.record(.noteVisibility(id: 3, clientVisible: false))
        script.note("a question", kind: .question, in: "a")
        script.record(.noteVisibility(id: 4, clientVisible: true))
        script.note("a shared win", kind: .win, in: "a")
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "T", startedAt: "2026-11-23T14:00:00Z"))
        let output = ClientBriefWriter.markdown(header: header, state: script.state)
        #expect(output.contains("kpi shared on purpose"))
        #expect(output.contains("a shared win"))
        #expect(!output.contains("a raw discussion note"))
        #expect(!output.contains("a win kept internal"))
        #expect(!output.contains("a question"), "questions never go out, even marked")
    }
}
