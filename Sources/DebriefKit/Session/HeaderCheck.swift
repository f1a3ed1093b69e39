/// A session header read from an untrusted file is checked before anything computes with
/// it: durations and time scales are multiplied into milliseconds, and an absurd value
/// there would overflow (a trap, not an error) far from where it was read.
extension SessionHeader {
    /// What is wrong with the header, or nil when it describes a meeting Debrief can run.
    public var damage: String? {
        let sections = agenda.sections
        guard !sections.isEmpty else { return "its agenda has no sections" }
        guard sections.count <= Limits.agendaSections else { return "its agenda has \(sections.count) sections" }
        guard Set(sections.map(\.id)).count == sections.count else { return "its agenda repeats a section id" }
        if let bad = sections.first(where: { !(1...Limits.sectionMinutes).contains($0.minutes) }) {
            return "a section lasts \(bad.minutes) minutes"
        }
        let scale = meeting.timeScale
        guard scale.isFinite, scale > 0, scale <= Limits.maximumTimeScale else { return "its time scale is \(scale)" }
        return nil
    }
}

extension Event {
    /// See `Limits.maximumTime`.
    public static var maximumTime: Int { Limits.maximumTime }
    /// See `Limits.maximumID`.
    public static var maximumID: Int { Limits.maximumID }
}
