import DebriefKit
import PropertyBased

/// Random meetings for property tests: every kind of event, in any order, including ones
/// that refer to notes that do not exist. Every piece of text is a unique token (letters
/// and digits only, so no export escapes it) that a test can search for in an output.
struct RandomSession {
    static let agenda = Agenda(
        name: "random", title: "Random",
        sections: [
            AgendaSection(id: "s1", title: "First", minutes: 2, kind: .metrics),
            AgendaSection(id: "s2", title: "Second", minutes: 3, kind: .problems),
            AgendaSection(id: "s3", title: "Third", minutes: 1, kind: .actions),
        ],
        taxonomy: Taxonomy(rootCauses: ["causezqa", "causezqb"], severities: ["sevzqa", "sevzqb"]))
    static let header = SessionHeader(agenda: agenda, meeting: MeetingInfo(
        title: "Random meeting", client: "Client", facilitator: "facilitatorzq", noteTaker: "takerzq",
        startedAt: "2026-11-23T14:00:00Z"))

    var events: [Event] = []
    /// Every text, owner and draft token used, whether or not it survives.
    var textTokens: Set<String> = []
    var ownerTokens: Set<String> = []
    var draftTokens: Set<String> = []
    /// People named inside texts: owners, the facilitator, the note-taker, `@handles`.
    var nameTokens: Set<String> = []
    /// Creators of the tables' rows (handles, with or without `@`), never in the client version.
    var creatorTokens: Set<String> = []

    /// - Parameter withRows: the tables too: KPIs, creators and content pieces, whose names
    ///   and creator columns may name people (off by default: the other tests keep their streams).
    init(seed: UInt64, maxEvents: Int = 60, withRows: Bool = false) {
        var rng = Xoshiro(seed: (seed, seed &* 31 &+ 7, 0x9E37_79B9_7F4A_7C15, seed ^ 0xDEAD_BEEF))
        var t = 0
        var nextID = 1
        var counter = 0
        func token(_ prefix: String) -> String {
            counter += 1
            return prefix + "zq" + String(counter + 100_000) + "x"
        }
        let count = Int.random(in: 0...maxEvents, using: &rng)
        events.append(Event(t: 0, .sectionStarted(section: "s1")))
        var nextRecordID = 1
        for _ in 0..<count {
            t += Int.random(in: 0...90_000, using: &rng)
            let id = Int.random(in: 1...max(1, nextID + 1), using: &rng)  // sometimes unknown
            let kind = NoteKind.allCases.randomElement(using: &rng)!
            let change: Change
            let choice = Int.random(in: 0..<(withRows ? 22 : 18), using: &rng)
            if choice >= 18 {
                // A row: its name sometimes names a person (an owner, the facilitator, a handle).
                var name = token("row")
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: if let known = ownerTokens.randomElement(using: &rng) { name += " for " + known; nameTokens.insert(known) }
                case 1: name += " with facilitatorzq"; nameTokens.insert("facilitatorzq")
                case 2:
                    let handle = "@" + token("handle")
                    name += " by " + handle
                    nameTokens.insert(handle)
                default: break
                }
                let creator = token("creator")
                creatorTokens.insert(creator)
                let fields: [String: FieldValue]
                switch choice {
                case 18: fields = ["kpi": .text(name), "target": .number(Double(Int.random(in: 1...100, using: &rng))),
                                   "actual": .number(Double(Int.random(in: 1...100, using: &rng)))]
                case 19:
                    // Some with a fee in one of the currencies a fee can be written in.
                    fields = ["handle": .text("@" + creator), "followers": .number(1_000)].merging(
                        Bool.random(using: &rng) ? ["fee": .number(900), "currency": .text(NumberSpelling.currencies.randomElement(using: &rng)!)] : [:]) { $1 }
                default:
                    // The creator column as typed: with its "@" or without.
                    fields = ["piece": .text(name), "creator": .text(Bool.random(using: &rng) ? "@" + creator : creator),
                              "er": .number(Double(Int.random(in: 1...90, using: &rng)) / 10)]
                    if Bool.random(using: &rng) {
                        events.append(Event(t: t, .recordAdded(id: nextRecordID, table: .creators, fields: ["handle": .text("@" + creator)])))
                        nextRecordID += 1
                    }
                }
                let table: RecordTable = choice == 18 ? .kpis : choice == 19 ? .creators : .content
                events.append(Event(t: t, .recordAdded(id: nextRecordID, table: table, fields: fields)))
                nextRecordID += 1
                continue
            }
            switch choice {
            case 0...3:
                var text = token("text")
                let owner = Bool.random(using: &rng) ? token("owner") : nil
                textTokens.insert(text)
                // Some texts are long enough to name a deliverable; some name a person.
                if Bool.random(using: &rng) { text += " with four more words" }
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: if let known = ownerTokens.randomElement(using: &rng) { text += " ask " + known; nameTokens.insert(known) }
                case 1: text += " ask facilitatorzq"; nameTokens.insert("facilitatorzq")
                case 2: text += " ask TAKERZQ"; nameTokens.insert("takerzq")
                case 3:
                    let handle = "@" + token("handle")
                    text += " ask " + handle
                    nameTokens.insert(handle)
                default: break
                }
                if let owner { ownerTokens.insert(owner) }
                change = .noteAdded(id: nextID, section: Self.agenda.sections.randomElement(using: &rng)!.id,
                                    content: NoteContent(kind: kind, text: text, owner: owner,
                                                         due: Bool.random(using: &rng) ? "2026-12-0\(Int.random(in: 1...9, using: &rng))" : nil))
                nextID += 1
            case 4:
                let text = token("text"), owner = token("owner")
                textTokens.insert(text)
                ownerTokens.insert(owner)
                change = .noteEdited(id: id, content: NoteContent(kind: kind, text: text, owner: owner))
            case 5: change = .noteRemoved(id: id)
            case 6: change = .noteRestored(id: id)
            case 7:
                change = .noteTagged(id: id, rootCause: Self.agenda.taxonomy.rootCauses.randomElement(using: &rng),
                                     severity: Self.agenda.taxonomy.severities.randomElement(using: &rng))
            case 8: change = .noteLinked(id: id, problem: Bool.random(using: &rng) ? Int.random(in: 1...nextID, using: &rng) : nil)
            case 9: change = .noteVisibility(id: id, clientVisible: Bool.random(using: &rng))
            case 10: change = .sectionStarted(section: Self.agenda.sections.randomElement(using: &rng)!.id)
            case 11: change = [Change.clockPaused, .clockResumed, .sectionExtended(section: "s2", minutes: 5)].randomElement(using: &rng)!
            case 12:
                let draft = token("draft")
                draftTokens.insert(draft)
                change = .draftChanged(text: draft)
            case 13, 14: change = .noteLearning(id: id, learning: Int.random(in: 0..<4, using: &rng) > 0)
            case 15:
                let text = token("text") + (Bool.random(using: &rng) ? " framed forward for the log" : "")
                textTokens.insert(String(text.prefix { $0 != " " }))
                change = .learningRewritten(id: id, text: Int.random(in: 0..<5, using: &rng) == 0 ? "" : text)
            case 16: change = .noteVisibility(id: id, clientVisible: true)
            default:
                // Carry-forward: an earlier meeting's action (its owner must never reach the
                // client), or a follow-up of one, sometimes of one never carried.
                let key = ActionKey(session: "earlier", id: Int.random(in: 1...3, using: &rng))
                if Bool.random(using: &rng) {
                    let owner = token("owner")
                    ownerTokens.insert(owner)
                    change = .actionCarried(CarriedAction(key: key, text: token("carried"), owner: owner))
                } else {
                    change = .actionFollowedUp(action: key, status: FollowUpStatus.allCases.randomElement(using: &rng)!)
                }
            }
            events.append(Event(t: t, change))
        }
        if Bool.random(using: &rng) { events.append(Event(t: t + 1_000, .meetingEnded)) }
    }

    var state: MeetingState { MeetingState.fold(agenda: Self.agenda, events: events) }
}
