import DebriefKit

/// What this terminal's time cues have already said: the bell rings (with `--bell`) and the
/// projector flashes once when a section's time runs out, not on every frame after.
public struct TimeCues: Sendable {
    /// `--bell`: ring the terminal bell at time up.
    public var bell = false
    /// The section (index, time given) last looked at, and whether its time was up then.
    /// A time up is the moment this goes from not up to up; an extension (F3) starts over.
    var watched: (section: Int, allotted: Int, isUp: Bool)?
    /// Wall time until which the projector shows the time-up flash (one frame, inverted).
    var flashUntil: Int?

    /// How long the flash lasts on the wall clock: the next frame (a second later at most)
    /// draws the screen as usual again.
    static let flashLength = 500

    public init(bell: Bool = false) { self.bell = bell }
}

extension AppModel {
    /// Called with every reading of the clocks. Returns true when the bell should ring now:
    /// the current section's time has just run out (`--bell` only). Also starts the flash.
    public mutating func noticeTimeUp() -> Bool {
        guard !meeting.hasEnded, let current = meeting.current else {
            timeCues.watched = nil
            return false
        }
        // The current section's figures as `Schedule` has them, without building one: this
        // runs three times a typed key, and a schedule copies the meeting and walks every section.
        let known = meeting.sections.indices.contains(current)
        let allotted = known ? meeting.sections[current].allottedMilliseconds : 0
        let isUp = allotted - (known ? meeting.elapsed(section: current, at: now) : 0) <= 0
        let before = timeCues.watched
        timeCues.watched = (current, allotted, isUp)
        guard let before, before.section == current, before.allotted == allotted, !before.isUp, isUp else {
            return false
        }
        timeCues.flashUntil = wallTime + TimeCues.flashLength
        return timeCues.bell
    }

    /// The projector's frame is drawn inverted: the section's time has just run out.
    public var isFlashing: Bool {
        timeCues.flashUntil.map { wallTime < $0 } ?? false
    }
}
