/// When the meeting runs behind: what the sections not reached yet would get if it still
/// ended on time. Their planned minutes shrink in proportion, whole minutes, at least one
/// each; the current section and skipped ones keep what they still owe (see `Schedule`).
/// The agenda shows the proposal; a key records it as an `agendaRebalanced` event.
public enum Rebalance {
    /// Behind by at least this much before the agenda proposes anything: a minute is noise.
    public static let threshold = 60_000

    /// The proposed minutes of each section not reached yet, in agenda order; nil when the
    /// meeting is on time or ahead, has ended, or has no such section left.
    public static func proposal(_ state: MeetingState, now: Int) -> [SectionMinutes]? {
        let schedule = Schedule(state: state, now: now)
        guard !state.hasEnded, let current = state.current, schedule.slip >= threshold else { return nil }
        let later = state.sections.indices.filter { $0 > current && state.status(section: $0, at: now) == .notReached }
        guard !later.isEmpty else { return nil }
        let planned = later.map { state.sections[$0].allottedMilliseconds / 60_000 }
        let plannedTotal = planned.reduce(0, +)
        // What the meeting has left if it ends on time, less what the current section and
        // the skipped ones still owe: the later sections share the rest.
        let owedElsewhere = schedule.projectedWork - schedule.worked - plannedTotal * 60_000
        let budget = max(later.count, (schedule.plannedEnd - schedule.worked - owedElsewhere) / 60_000)
        guard plannedTotal > budget else { return nil }
        var minutes = planned.map { max(1, $0 * budget / max(1, plannedTotal)) }
        // Minutes lost to rounding go back to the longest sections first.
        var spare = budget - minutes.reduce(0, +)
        for index in planned.indices.sorted(by: { planned[$0] > planned[$1] }) where spare > 0 && minutes[index] < planned[index] {
            minutes[index] += 1
            spare -= 1
        }
        return zip(later, minutes).map { SectionMinutes(section: state.agenda.sections[$0].id, minutes: $1) }
    }
}
