import DebriefKit

/// The current section's countdown as every view says it, and the cue it gives the room:
/// two minutes before time is up it gains a ⚠ and turns bold and reversed (never colour
/// alone); past time it counts the overrun up.
public enum SectionClock {
    public enum Cue: Equatable, Sendable {
        case running
        /// Two minutes or less left (`warningLead`).
        case closing
        /// Time is up: the overrun counts up.
        case over
    }

    /// How long before the section's time is up the clock warns the room.
    public static let warningLead = 120_000

    public static func cue(_ schedule: Schedule) -> Cue {
        guard schedule.current != nil else { return .running }
        if schedule.isOverrun { return .over }
        return schedule.sectionRemaining <= warningLead && schedule.sectionAllotted > 0 ? .closing : .running
    }

    /// "12:00 left", "⚠ 01:59 left", "OVER +00:42"; "PAUSED " first while the clock stands.
    public static func text(_ schedule: Schedule) -> String {
        let body: String
        switch cue(schedule) {
        case .over: body = "OVER +" + DurationText.clock(-schedule.sectionRemaining)
        case .closing: body = "⚠ " + DurationText.clock(schedule.sectionRemaining, roundingUp: true) + " left"
        case .running: body = DurationText.clock(schedule.sectionRemaining, roundingUp: true) + " left"
        }
        return schedule.isPaused ? "PAUSED " + body : body
    }

    public static func style(_ schedule: Schedule) -> Style {
        switch cue(schedule) {
        case .over: return .alert
        case .closing: return schedule.isPaused ? Style(.warning, bold: true) : Style(.warning, bold: true, reverse: true)
        case .running: return schedule.isPaused ? .muted : .title
        }
    }
}
