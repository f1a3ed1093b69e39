/// Is an action item specific enough to get done? The playbook's rule: one owner, one
/// deadline, and a concrete deliverable — "by Dec 1, Maria creates a brief checklist",
/// never "improve brief quality".
///
/// The rule for a concrete deliverable, kept deliberately simple and predictable:
/// - an action of fewer than 4 words names no deliverable ("fix tracking");
/// - an action that opens with a vague verb (improve, better, optimise, look into,
///   think about, consider, try, work on, focus on, be more, ensure) names one only if it
///   goes on for at least 7 words ("improve brief quality" is vague; "improve the brief
///   template with audience, goal and tone fields" is not).
public enum ActionReview {
    public enum Concern: String, CaseIterable, Sendable {
        case noOwner = "no owner"
        case noDeadline = "no deadline"
        case noDeliverable = "no concrete deliverable"
    }

    static let vagueOpenings: [[String]] = [
        ["improve"], ["better"], ["optimise"], ["optimize"], ["enhance"], ["ensure"], ["try"], ["consider"],
        ["look", "into"], ["think", "about"], ["work", "on"], ["focus", "on"], ["be", "more"], ["be", "better"],
    ]

    public static func concerns(_ content: NoteContent) -> [Concern] {
        guard content.kind == .action else { return [] }
        var concerns: [Concern] = []
        if content.owner == nil { concerns.append(.noOwner) }
        if content.due == nil { concerns.append(.noDeadline) }
        if !namesDeliverable(content.text) { concerns.append(.noDeliverable) }
        return concerns
    }

    public static func namesDeliverable(_ text: String) -> Bool {
        let words = lowercaseWords(text)
        if words.count < 4 { return false }
        let opensVaguely = vagueOpenings.contains { Array(words.prefix($0.count)) == $0 }
        return !(opensVaguely && words.count < 7)
    }

    /// The runs of letters, digits and apostrophes, lowercased. The note list asks this of
    /// every action on screen, each frame: ASCII text (nearly all of it) is split by its bytes,
    /// without walking grapheme clusters and looking up Unicode properties. For ASCII both
    /// ways find the same words: its letters are A–Z and a–z, its digits 0–9.
    static func lowercaseWords(_ text: String) -> [String] {
        let lowercase = text.lowercased()
        guard lowercase.utf8.allSatisfy({ $0 < 0x80 }) else {
            return lowercase.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }).map(String.init)
        }
        return lowercase.utf8.split(whereSeparator: { byte in
            !((0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x27)
        }).map { String(Substring($0)) }
    }
}
