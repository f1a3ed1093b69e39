/// A session header read from an untrusted file is checked before anything computes with
/// it: durations and time scales are multiplied into milliseconds, and an absurd value
/// there would overflow (a trap, not an error) far from where it was read.
extension SessionHeader {
    /// What is wrong with the header, or nil when it describes a meeting Debrief can run.
    public var damage: String? {
        let sections = agenda.sections
        guard !sections.isEmpty else { return "its agenda has no sections" }
        guard sections.count <= 200 else { return "its agenda has \(sections.count) sections" }
        guard Set(sections.map(\.id)).count == sections.count else { return "its agenda repeats a section id" }
        if let bad = sections.first(where: { !(1...AgendaLoader.maximumSectionMinutes).contains($0.minutes) }) {
            return "a section lasts \(bad.minutes) minutes"
        }
        let scale = meeting.timeScale
        guard scale.isFinite, scale > 0, scale <= 10_000 else { return "its time scale is \(scale)" }
        return nil
    }
}

extension Event {
    /// Ten years of meeting time, in milliseconds: later times are damage, not meetings.
    public static let maximumTime = 10 * 365 * 24 * 3_600_000
    /// Note ids count up from 1; one this large is damage, and adding 1 to it must not overflow.
    public static let maximumID = 1 << 40
}
