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
