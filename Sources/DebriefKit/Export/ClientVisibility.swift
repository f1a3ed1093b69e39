#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What may leave the agency. The client version reads notes only through this policy,
/// so the rule lives in one place and a property test can hold it to account.
///
/// The client version has the playbook's four parts; a note reaches at most one of them:
/// - **Results**: plain notes of a `metrics` section (the numbers, as typed), and any
///   plain note marked client-visible (`v`).
/// - **Top-performing content**: wins.
/// - **What we learned**: the meeting's learnings (`*`), in the words rewritten for the
///   log when they were. A problem reaches the client only this way, and only once
///   rewritten: a problem as typed ("Client legal approval took 6 days") never goes out.
/// - **Recommendations for the next campaign**: actions marked for the client (`v`) or
///   marked as learnings, never one flagged as vague (no concrete deliverable).
///
/// Never shared: removed notes, notes marked internal, questions, raw problems, root
/// causes, severities, times, sections, earlier versions of an edited note. Owners are
/// named only with `--with-owners`.
///
/// People: a line that names a person (the facilitator, the note-taker, any action's
/// owner, or an `@handle`) is held back, whole, unless `--with-owners`: removing the name
/// would leave a broken sentence ("( ran these reels)"), and a held line is listed so the
/// user can review it (`export --format client --review`) and let it out on purpose.
public enum ClientVisibility {
    /// The parts of the client version, in the order they are printed.
    public enum Part: String, CaseIterable, Sendable {
        case results, topContent = "top_content", learned, recommendations

        public var title: String {
            switch self {
            case .results: return "Results"
            case .topContent: return "Top-performing content"
            case .learned: return "What we learned"
            case .recommendations: return "Recommendations for the next campaign"
            }
        }
    }

    /// One line the client version may carry.
    public struct Line: Equatable, Sendable {
        public var part: Part
        public var noteID: Int
        /// The text as it goes out (a learning's rewrite, else the note's words).
        public var text: String
        public var due: String?
        public var owner: String?
        /// The people it names (empty: none, or `--with-owners`).
        public var names: [String]

        public init(part: Part, noteID: Int, text: String, due: String? = nil, owner: String? = nil, names: [String]) {
            self.part = part
            self.noteID = noteID
            self.text = text
            self.due = due
            self.owner = owner
            self.names = names
        }

        /// Identifies the line in the review sidecar: the part and the note.
        public var key: String { "\(part.rawValue):\(noteID)" }
    }

    /// Kinds that can reach the client by being marked client-visible (`v`) alone.
    public static let shareableByMark: Set<NoteKind> = [.note, .action]

    /// Whether a note can reach the client version at all (the list's "shown to client").
    public static func isShared(_ note: Note, in state: MeetingState) -> Bool {
        part(of: note, in: state) != nil
    }

    /// The part a note goes to, or nil when it stays internal.
    public static func part(of note: Note, in state: MeetingState) -> Part? {
        guard !note.isRemoved, note.clientVisible != false else { return nil }
        if note.isLearning {
            if note.kind == .action { return ActionReview.namesDeliverable(note.learning) ? .recommendations : nil }
            if note.kind == .problem && note.learningText == nil { return nil }
            return .learned
        }
        switch note.kind {
        case .note:
            let isMetrics = state.agenda.sections.indices.contains(note.section)
                && state.agenda.sections[note.section].kind == .metrics
            return note.clientVisible == true || isMetrics ? .results : nil
        case .win: return .topContent
        case .action:
            return note.clientVisible == true && ActionReview.namesDeliverable(note.text) ? .recommendations : nil
        case .problem, .question: return nil
        }
    }

    /// Every line the client version may carry, in capture order, each with the people it
    /// names (none when `withOwners`: then names are allowed).
    public static func lines(header: SessionHeader, state: MeetingState, withOwners: Bool) -> [Line] {
        let people = withOwners ? [] : knownPeople(header: header, state: state)
        return state.notes.compactMap { note in
            guard let part = part(of: note, in: state) else { return nil }
            let text = note.isLearning ? note.learning : note.text
            let owner = part == .recommendations && withOwners ? note.content.owner.flatMap { $0.isEmpty ? nil : $0 } : nil
            let due = part == .recommendations ? note.content.due : nil
            return Line(part: part, noteID: note.id, text: text, due: due, owner: owner,
                        names: withOwners ? [] : names(in: text, people: people))
        }
    }

    /// The people a meeting knows by name: facilitator, note-taker, every action's owner
    /// (a removed note's too: the name is still a person) and every creator, by the handle
    /// in the creator table or a content piece's creator column (`lena.cooks` without its
    /// `@` still names her).
    public static func knownPeople(header: SessionHeader, state: MeetingState) -> [String] {
        var people = [header.meeting.facilitator, header.meeting.noteTaker].compactMap { $0 }
        people += state.notes.compactMap(\.content.owner)
        people += state.records.compactMap { record in
            record.table == .creators ? record.name : record.table == .content ? record.text("creator") : nil
        }
        return people.filter { !$0.trimmingWhitespace().isEmpty }
    }

    /// The people named in `text`: any `@handle`, and any known person whose name (or one
    /// word of a full name, two letters or more) appears as a whole word, ignoring case
    /// and accents. Over-cautious on purpose: a held line costs a review, a leaked name
    /// costs trust.
    public static func names(in text: String, people: [String]) -> [String] {
        var found: [String] = []
        // An apostrophe ends a word: "Dana's reels" names Dana.
        let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || "@._-".contains($0)) })
            .map { String($0).trimming { $0 == "." || $0 == "_" || $0 == "-" } }
        for word in words where word.hasPrefix("@") && word.count > 1 && !found.contains(word) {
            found.append(word)
        }
        let folded = Set(words.map { fold($0.hasPrefix("@") ? String($0.dropFirst()) : $0) })
        let handles = Set(found.map { fold(String($0.dropFirst())) })
        for person in people where !found.contains(person) && !handles.contains(fold(person)) {
            let parts = person.split(whereSeparator: { $0 == " " || $0 == "@" }).map { fold(String($0)) }
            if folded.contains(fold(person)) || parts.contains(where: { $0.count >= 2 && folded.contains($0) }) {
                found.append(person)
            }
        }
        return found
    }

    /// Case and accents folded: lowercased, Latin letters to ASCII (the table client names
    /// use), combining accents dropped. Wider than Foundation's diacritic folding (ß = ss):
    /// over-cautious, as a name check should be.
    private static func fold(_ word: String) -> String {
        var folded = ""
        for scalar in word.lowercased().unicodeScalars where !LatinFold.isCombiningMark(scalar) {
            if let ascii = LatinFold.ascii(scalar) { folded += ascii } else { folded.unicodeScalars.append(scalar) }
        }
        return folded
    }
}
