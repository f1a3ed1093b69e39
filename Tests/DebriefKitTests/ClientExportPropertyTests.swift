import DebriefKit
import PropertyBased
import Testing

/// The client export's promise, over random meetings: no internal text reaches it.
@Suite("Client export: nothing internal leaks")
struct ClientExportPropertyTests {
    /// The rule, stated independently of `ClientVisibility`: a note is shared when it is not
    /// removed and is marked client-visible, or is unmarked and a problem, win or action.
    private func isShared(_ note: Note) -> Bool {
        guard !note.isRemoved else { return false }
        if let marked = note.clientVisible { return marked }
        return note.kind == .problem || note.kind == .win || note.kind == .action
    }

    @Test func noInternalTextReachesTheClientExport() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            let session = RandomSession(seed: seed)
            let state = session.state
            let sharedNotes = state.notes.filter(isShared)
            let sharedTexts = Set(sharedNotes.map(\.text))
            for withOwners in [false, true] {
                let output = ClientBriefWriter.markdown(header: RandomSession.header, state: state, withOwners: withOwners)
                for token in session.textTokens where !sharedTexts.contains(token) {
                    #expect(!output.contains(token), "internal or superseded text \(token) leaked (seed \(seed))")
                }
                for token in sharedTexts {
                    #expect(output.contains(token), "shared text \(token) is missing (seed \(seed))")
                }
                let allowedOwners = withOwners ? Set(sharedNotes.filter { $0.kind == .action }.compactMap(\.content.owner)) : []
                for owner in session.ownerTokens where !allowedOwners.contains(owner) {
                    #expect(!output.contains(owner), "owner \(owner) leaked (seed \(seed), withOwners \(withOwners))")
                }
                for secret in session.draftTokens.union(["causezqa", "causezqb", "sevzqa", "sevzqb", "facilitatorzq", "takerzq"]) {
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
        script.note("a shared win", kind: .win, in: "a")
        let header = SessionHeader(agenda: Fixtures.small, meeting: MeetingInfo(title: "T", startedAt: "2026-11-23T14:00:00Z"))
        let output = ClientBriefWriter.markdown(header: header, state: script.state)
        #expect(output.contains("kpi shared on purpose"))
        #expect(output.contains("a shared win"))
        #expect(!output.contains("a raw discussion note"))
        #expect(!output.contains("a win kept internal"))
        #expect(!output.contains("a question"))
    }
}
